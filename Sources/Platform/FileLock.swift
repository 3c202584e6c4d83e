#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/FileLock.swift: port flock to this C library (see README, Platforms)")
#endif

/// An exclusive `flock` on a lock file, held until `release()` or deinit. It is advisory: it excludes other
/// processes that take the same lock (every `policy`), and it is released by the system if the process dies.
public final class FileLock {
    private var descriptor: FileDescriptor?

    /// Blocks until the lock on `path` (created with `permissions` if missing) is held.
    /// - Throws: the `Errno` of opening or locking the file.
    public init(path: String, permissions: UInt32 = 0o600) throws(Errno) {
        let descriptor = try FileDescriptor.openOrCreate(path, permissions: permissions)
        do {
            _ = try Syscall.retrying { flock(descriptor.rawValue, LOCK_EX) }
        } catch {
            descriptor.close()
            throw error
        }
        self.descriptor = descriptor
    }

    public func release() {
        descriptor?.close()
        descriptor = nil
    }

    deinit { release() }
}
