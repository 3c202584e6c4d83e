#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error(
    "Platform/Directory.swift: port mkdir, opendir/readdir and a directory fsync to this C library (see README, Platforms)"
)
#endif

/// Directories: making one, asking what one holds, making a rename in one durable.
public enum Directory {
    /// Creates the directory `path` (its parent must exist) with `permissions`.
    /// - Throws: `Errno.fileExists` when something is already there, or the failure.
    public static func create(_ path: String, permissions: UInt32) throws(Errno) {
        _ = try Syscall.retrying { mkdir(path, mode_t(truncatingIfNeeded: permissions)) }
    }

    /// Whether the directory holds an entry whose name satisfies `matches`; reading stops at the first.
    /// False when the directory cannot be opened.
    public static func containsEntry(_ path: String, where matches: (String) -> Bool) -> Bool {
        guard let stream = opendir(path) else { return false }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if matches(name) { return true }
        }
        return false
    }

    /// The names of the directory's entries (without `.` and `..`), sorted; nil when it cannot be opened.
    public static func entries(_ path: String) -> [String]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Flushes the directory itself to the disk, so that a rename in it survives a crash; best effort.
    public static func sync(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
