/* Linked into the static binary only (scripts/build-static.sh: ld --wrap=dladdr); the dynamic build never sees it.

   Why: before main, the Swift runtime's backtracer set-up asks dladdr() which file its own code is in, to look for
   swift-backtrace beside it. In a static executable glibc's dladdr() knows no file for the executable's own
   addresses, so the runtime falls back to reading /proc/self/exe, and aborts ("Unable to obtain Swift runtime
   path") where /proc is not mounted: an empty chroot, a minimal container. This wrapper answers for the
   executable's own addresses with the path the kernel was asked to run (AT_EXECFN, which needs no /proc) — the
   answer a dynamic executable gets — and leaves every other question to glibc. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <sys/auxv.h>

int __real_dladdr(const void *address, Dl_info *info);

/* Defined by the linker: the first byte of the executable's image and the first byte past it. */
extern const char __ehdr_start[];
extern const char _end[];

int __wrap_dladdr(const void *address, Dl_info *info) {
    int found = __real_dladdr(address, info);
    if (found || info == NULL) return found;
    const char *byte = address;
    if (byte < __ehdr_start || byte >= _end) return 0;
    const char *path = (const char *)getauxval(AT_EXECFN);
    if (path == NULL) return 0;
    info->dli_fname = path;
    info->dli_fbase = (void *)__ehdr_start;
    info->dli_sname = NULL;
    info->dli_saddr = NULL;
    return 1;
}
