#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error(
    "Platform/Paths.swift: port stat, access, readlink, rename and unlink to this C library (see README, Platforms)"
)
#endif

/// Questions and changes about one path: whether it exists, its permission bits, its symlink, renaming.
public enum Paths {
    /// Whether `path` exists (following symlinks).
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Whether this process may read `path`.
    public static func isReadable(_ path: String) -> Bool {
        access(path, R_OK) == 0
    }

    /// The permission bits (e.g. 0o600) of what `path` names, following symlinks; nil when it does not exist.
    public static func permissions(of path: String) -> UInt32? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return UInt32(status.st_mode) & 0o7777
    }

    /// Whether what `path` names, following symlinks, is a regular file; nil when it does not exist.
    public static func isRegularFile(_ path: String) -> Bool? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether what `path` names, following symlinks, is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// What the symlink at `path` points to, as written in the link; nil when `path` is not a symlink.
    public static func symlinkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Renames `source` over `destination` atomically (same file system).
    public static func rename(_ source: String, to destination: String) throws(Errno) {
        _ = try Syscall.retrying { systemRename(source, destination) }
    }

    /// Removes the file at `path`; a failure is ignored (used to clean up after another failure).
    public static func remove(_ path: String) {
        _ = unlink(path)
    }
}

private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
