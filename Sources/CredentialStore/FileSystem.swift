#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the stores need, each returning Swift errors instead of -1.
enum FileSystem {
    /// The whole file, or nil when it does not exist.
    static func readFileIfPresent(_ path: String) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .fileSystem(operation: "read", path: path, errno: errno)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fileSystem(operation: "read", path: path, errno: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Whether `path` exists (following symlinks).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Creates `path` (and missing parents) with the given mode; an existing directory is left as it is.
    static func makeDirectory(_ path: String, mode: mode_t) throws(StoreError) {
        var isDirectory = stat()
        if stat(path, &isDirectory) == 0 { return }
        let parent = directoryName(of: path)
        if parent != path, !parent.isEmpty { try makeDirectory(parent, mode: mode) }
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw .fileSystem(operation: "create directory", path: path, errno: errno)
        }
    }

    /// Follows symlinks so that a rename replaces the target, not the link.
    static func resolvingSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : directoryName(of: current) + "/" + target
        }
        return current
    }

    /// Writes `bytes` to a temporary file beside `path`, fsyncs it, renames it over `path`, fsyncs the directory.
    /// An existing file keeps its mode; a new one gets `newFileMode`.
    static func replaceAtomically(_ path: String, with bytes: [UInt8], newFileMode: mode_t) throws(StoreError) {
        var existing = stat()
        let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : newFileMode
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { throw .fileSystem(operation: "create temporary file", path: path, errno: errno) }
        var committed = false
        defer {
            if !committed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            guard fchmod(fd, mode) == 0 else { throw StoreError.fileSystem(operation: "set mode", path: temporary, errno: errno) }
            try writeAll(fd, bytes, path: temporary)
            guard fsync(fd) == 0 else { throw StoreError.fileSystem(operation: "sync", path: temporary, errno: errno) }
        }
        guard rename(temporary, path) == 0 else { throw .fileSystem(operation: "rename", path: path, errno: errno) }
        committed = true
        syncDirectory(directoryName(of: path))
    }

    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .fileSystem(operation: "write", path: path, errno: errno)
            }
            offset += written
        }
    }

    private static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

/// An exclusive `flock` on a lock file, held until `release()` or deinit.
final class FileLock {
    private var fd: Int32

    /// Blocks until the lock on `path` (created 0600 if missing) is held.
    init(path: String) throws(StoreError) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .fileSystem(operation: "lock", path: path, errno: errno) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let failure = errno
            close(fd)
            throw .fileSystem(operation: "lock", path: path, errno: failure)
        }
    }

    func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}
