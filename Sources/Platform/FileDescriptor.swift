#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error(
    "Platform/FileDescriptor.swift: port open, read, write, fsync, fchmod, isatty and poll to this C library (see README, Platforms)"
)
#endif

/// An open file descriptor: typed reads and writes that retry when interrupted and throw `Errno`.
/// The caller owns it and closes it.
public struct FileDescriptor: Hashable, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let standardInput = FileDescriptor(rawValue: STDIN_FILENO)
    public static let standardOutput = FileDescriptor(rawValue: STDOUT_FILENO)
    public static let standardError = FileDescriptor(rawValue: STDERR_FILENO)

    /// Makes sure descriptors 0, 1 and 2 are open before any file is: one that was closed (`policy >&-`) gets
    /// /dev/null opened read-only in its place, so writes to it keep failing (EBADF) as they should, and no
    /// file, socket or lock `policy` opens later can take its number and receive its output.
    public static func reserveStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // open returns the lowest free number: this one, as the lower ones are open by now.
            _ = systemOpen("/dev/null", O_RDONLY, 0)
        }
    }

    /// Opens an existing file for reading (close-on-exec).
    public static func openForReading(_ path: String) throws(Errno) -> FileDescriptor {
        FileDescriptor(rawValue: try Syscall.retrying { systemOpen(path, O_RDONLY | O_CLOEXEC, 0) })
    }

    /// Opens `path` for reading and writing, creating it with `permissions` when missing (close-on-exec).
    public static func openOrCreate(_ path: String, permissions: UInt32) throws(Errno) -> FileDescriptor {
        FileDescriptor(rawValue: try Syscall.retrying { systemOpen(path, O_RDWR | O_CREAT | O_CLOEXEC, permissions) })
    }

    /// Reads up to `buffer.count` bytes; 0 means end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try Syscall.retrying { systemRead(rawValue, buffer.baseAddress, buffer.count) }
    }

    /// Reads up to `count` bytes; an empty result means end of file.
    public func read(upTo count: Int) throws(Errno) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(Errno) in try self.read(into: buffer) }
        }.get()
        bytes.removeSubrange(read...)
        return bytes
    }

    /// The first `limit` bytes of the file at `path` (all of it when it is shorter).
    public static func readFile(_ path: String, limit: Int) throws(Errno) -> [UInt8] {
        let descriptor = try openForReading(path)
        defer { descriptor.close() }
        var bytes: [UInt8] = []
        while bytes.count < limit {
            let chunk = try descriptor.read(upTo: min(64 * 1024, limit - bytes.count))
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return bytes
    }

    /// Writes some of `buffer`, returning how many bytes were written.
    public func write(_ buffer: UnsafeRawBufferPointer) throws(Errno) -> Int {
        try Syscall.retrying { systemWrite(rawValue, buffer.baseAddress, buffer.count) }
    }

    /// Writes every byte, in as many calls as it takes.
    /// - Throws: the `Errno` of the first failed write (EIO if a write made no progress).
    public func writeAll(_ bytes: some Collection<UInt8>) throws(Errno) {
        var rest = Array(bytes)[...]
        while !rest.isEmpty {
            // withUnsafeBytes only rethrows untyped errors: the outcome comes out as a Result.
            let written = try rest.withUnsafeBytes { buffer in Result { () throws(Errno) in try write(buffer) } }.get()
            guard written > 0 else { throw .inputOutput }
            rest = rest.dropFirst(written)
        }
    }

    /// Flushes the file's data and metadata to the disk.
    public func sync() throws(Errno) {
        _ = try Syscall.retrying { fsync(rawValue) }
    }

    /// Sets the file's permission bits (e.g. 0o600).
    public func setPermissions(_ permissions: UInt32) throws(Errno) {
        _ = try Syscall.retrying { fchmod(rawValue, mode_t(truncatingIfNeeded: permissions)) }
    }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(rawValue) == 1 }

    /// Blocks until the descriptor has input (or its end) to read; for a non-blocking descriptor that said EAGAIN.
    public func waitUntilReadable() {
        var waiting = pollfd(fd: rawValue, events: Int16(POLLIN), revents: 0)
        _ = try? Syscall.retrying { poll(&waiting, 1, -1) }
    }

    public func close() {
        // Not retried: after EINTR the descriptor is already closed on Linux, and may be reused by then.
        _ = systemClose(rawValue)
    }
}

// The C calls under names the methods above do not shadow.
private func systemOpen(_ path: String, _ flags: Int32, _ permissions: UInt32) -> Int32 {
    open(path, flags, mode_t(truncatingIfNeeded: permissions))
}
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, buffer, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
