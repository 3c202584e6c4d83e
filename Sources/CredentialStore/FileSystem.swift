import Platform

/// The file operations the stores need, over the platform layer, each failure a `StoreError` that names the
/// step and the path.
enum FileSystem {
    /// The whole file, or nil when it does not exist.
    /// - Throws: `notRegularFile` when `path` (or what its symlink points to) is a device, a pipe, a directory:
    ///   reading one could hang or read what is not ours.
    static func readFileIfPresent(_ path: String) throws(StoreError) -> [UInt8]? {
        try refuseUnlessRegular(path)
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.openForReading(path)
        } catch {
            if error == .noSuchFile { return nil }
            throw .fileSystem(operation: "read", path: path, errno: error.rawValue)
        }
        defer { descriptor.close() }
        var bytes: [UInt8] = []
        while true {
            let chunk: [UInt8]
            do {
                chunk = try descriptor.read(upTo: 64 * 1024)
            } catch {
                throw .fileSystem(operation: "read", path: path, errno: error.rawValue)
            }
            if chunk.isEmpty { return bytes }
            bytes += chunk
        }
    }

    /// Whether `path` exists (following symlinks).
    static func exists(_ path: String) -> Bool {
        Paths.exists(path)
    }

    /// Creates `path` (and missing parents) with the given mode; an existing directory is left as it is.
    static func makeDirectory(_ path: String, mode: UInt32) throws(StoreError) {
        if Paths.exists(path) { return }
        let parent = directoryName(of: path)
        if parent != path, !parent.isEmpty { try makeDirectory(parent, mode: mode) }
        do {
            try Directory.create(path, permissions: mode)
        } catch  where error != .fileExists {
            throw .fileSystem(operation: "create directory", path: path, errno: error.rawValue)
        } catch {}
    }

    /// - Throws: `notRegularFile` when `path` exists (following symlinks) and is not a regular file.
    static func refuseUnlessRegular(_ path: String) throws(StoreError) {
        guard Paths.isRegularFile(path) == false else { return }
        let target = resolvingSymlinks(path)
        throw .notRegularFile(path: path, target: target == path ? nil : target)
    }

    /// Follows symlinks so that a rename replaces the target, not the link.
    static func resolvingSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = Paths.symlinkTarget(current) else { return current }
            current = target.hasPrefix("/") ? target : directoryName(of: current) + "/" + target
        }
        return current
    }

    /// Writes `bytes` to a temporary file beside `path`, fsyncs it, renames it over `path`, fsyncs the directory.
    /// An existing file keeps its mode; a new one gets `newFileMode`.
    /// Something that exists but is not a regular file is refused before anything is written: replacing a device
    /// (a config.json linked to /dev/null) would put a secret where the device was, with its mode (0666).
    static func replaceAtomically(_ path: String, with bytes: [UInt8], newFileMode: UInt32) throws(StoreError) {
        try refuseUnlessRegular(path)
        let mode = Paths.permissions(of: path) ?? newFileMode
        let temporary: TemporaryFile
        do {
            temporary = try TemporaryFile(prefix: path + ".tmp-")
        } catch {
            throw .fileSystem(operation: "create temporary file", path: path, errno: error.rawValue)
        }
        var committed = false
        defer {
            if !committed { Paths.remove(temporary.path) }
        }
        do {
            defer { temporary.descriptor.close() }
            try step("set mode", temporary.path) { () throws(Errno) in try temporary.descriptor.setPermissions(mode) }
            try step("write", temporary.path) { () throws(Errno) in try temporary.descriptor.writeAll(bytes) }
            try step("sync", temporary.path) { () throws(Errno) in try temporary.descriptor.sync() }
        }
        try step("rename", path) { () throws(Errno) in try Paths.rename(temporary.path, to: path) }
        committed = true
        Directory.sync(directoryName(of: path))
    }

    /// Takes the exclusive lock on `path`, creating the lock file (0600) if missing, waiting within `wait`.
    static func lock(_ path: String, wait: LockWait) throws(StoreError) -> FileLock {
        do {
            return try FileLock(path: path, wait: wait)
        } catch {
            switch error {
            case .system(let errno): throw .fileSystem(operation: "lock", path: path, errno: errno.rawValue)
            case .gaveUp(let seconds): throw .lockTimedOut(path: path, seconds: seconds)
            }
        }
    }

    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Runs one system step, naming it and its path in the error.
    private static func step(_ operation: String, _ path: String, _ body: () throws(Errno) -> Void) throws(StoreError) {
        do {
            try body()
        } catch {
            throw .fileSystem(operation: operation, path: path, errno: error.rawValue)
        }
    }
}
