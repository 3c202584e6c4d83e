#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/Errno.swift: port errno and strerror to this C library (see README, Platforms)")
#endif

/// A failed system call's error number, with the C library's description of it.
public struct Errno: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The calling thread's `errno`, read right after a call returned failure.
    public static var current: Errno { Errno(rawValue: errno) }

    /// The C library's sentence for the error, e.g. "No such file or directory".
    public var description: String { String(cString: strerror(rawValue)) }

    public static let noSuchFile = Errno(rawValue: ENOENT)
    public static let fileExists = Errno(rawValue: EEXIST)
    public static let interrupted = Errno(rawValue: EINTR)
    public static let wouldBlock = Errno(rawValue: EAGAIN)
    public static let brokenPipe = Errno(rawValue: EPIPE)
    public static let inputOutput = Errno(rawValue: EIO)

    /// True for EAGAIN and its alias EWOULDBLOCK (the same number on Linux and Darwin, not everywhere).
    public var isWouldBlock: Bool { rawValue == EAGAIN || rawValue == EWOULDBLOCK }
}
