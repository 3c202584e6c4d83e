#!/usr/bin/env bash
# `make static`: the fully static, stripped binary at .build-static/release/policy — no program interpreter
# (PT_INTERP) and no shared library (DT_NEEDED), so it starts on any Linux of its architecture: glibc, libcurl,
# OpenSSL, nghttp2, c-ares, zlib and the Swift runtime are all inside. It is a static PIE, so its code and data
# are at random addresses on every run as a dynamic program's are: glibc relocates it at start-up from packed
# relative relocations (-z pack-relative-relocs, glibc >= 2.36), which keeps it smaller (and its peak memory
# lower) than a fixed-address link. glibc's static-PIE start-up refuses a RUNPATH, hence --disable-local-rpath.
# The linker is lld (STATIC_LINKER=lld): GNU ld (STATIC_LINKER=bfd) makes a working binary 1 MiB heavier in
# memory, but unlike lld it prints glibc's static-link warnings (README, "Platforms", lists and explains them);
# gold cannot link a static PIE.
#   scripts/build-static.sh TRIPLE      e.g. x86_64-unknown-linux-gnu (the Makefile's TARGET_TRIPLE)
# Another architecture than this machine's is built with the Swift SDK for TRIPLE (swift sdk install; SWIFT_SDK
# names it when its id is not the triple) and SWIFT_SDK_SYSROOT, that SDK's sysroot, for libcurl and the C file.
# CCurl is a SwiftPM system library resolved with pkg-config: PKG_CONFIG_PATH points it at the static libcurl
# that scripts/build-curl.sh builds (or reuses), whose libcurl.pc names the whole static link.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 TRIPLE" >&2; exit 2; }
triple=$1
scratch=.build-static
binary=$scratch/release/policy

scripts/build-curl.sh "$triple"
prefix=$(scripts/build-curl.sh --prefix "$triple")
target=(--triple "$triple")
sysroot=()
if [ "$triple" != "$(uname -m)-unknown-linux-gnu" ]; then
    target=(--swift-sdk "${SWIFT_SDK:-$triple}")
    sysroot=(--sysroot="${SWIFT_SDK_SYSROOT:?building for $triple needs SWIFT_SDK_SYSROOT, the sysroot of its Swift SDK}")
fi
# One C file joins the link (see scripts/static-link/dladdr.c): without it the Swift runtime aborts before main
# where /proc is not mounted.
shim=$scratch/static-link/dladdr.o
mkdir -p "$(dirname "$shim")"
if [ ! -f "$shim" ] || [ scripts/static-link/dladdr.c -nt "$shim" ]; then
    clang --target="$triple" "${sysroot[@]}" -fPIE -O2 -Wall -Werror -c scripts/static-link/dladdr.c -o "$shim"
fi
# Stripped by the linker (--strip-all), not by strip(1) afterwards: a binary changed after the build makes the next
# build link it again.
PKG_CONFIG_PATH=$prefix/lib/pkgconfig swift build -c release --scratch-path "$scratch" "${target[@]}" \
    --disable-local-rpath --static-swift-stdlib -Xswiftc -static-executable \
    -Xswiftc -use-ld="${STATIC_LINKER:-lld}" -Xswiftc -Xclang-linker -Xswiftc -static-pie \
    -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --strip-all -Xlinker --wrap=dladdr -Xlinker "$PWD/$shim"

# The promise of this build, checked on every build: a program that needs nothing from the system to start.
headers=$(readelf -lW "$binary")
dynamic=$(readelf -dW "$binary")
if grep -q 'INTERP' <<< "$headers" || grep -q '(NEEDED)' <<< "$dynamic"; then
    echo "$binary is not static:" >&2
    grep -E 'INTERP|NEEDED' <<< "$headers$dynamic" >&2
    exit 1
fi
grep -q 'Type: *DYN' <<< "$(readelf -hW "$binary")" || { echo "$binary is not position-independent" >&2; exit 1; }
echo "$binary: $(stat -c %s "$binary") bytes, static PIE (no interpreter, no shared libraries)"
