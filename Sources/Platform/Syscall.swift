#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/Syscall.swift: port errno handling to this C library (see README, Platforms)")
#endif

/// The one place where an interrupted system call is retried: every loop over read, write, flock and
/// the like in `policy` goes through `retrying`, so a signal that interrupts a call (SIGCHLD from a
/// helper, SIGCONT after Ctrl-Z) never ends it early.
enum Syscall {
    /// Calls `body` again while it fails with EINTR.
    /// - Returns: what `body` returned, when that was not -1.
    /// - Throws: the `Errno` of a failure other than EINTR.
    static func retrying<Result: FixedWidthInteger & SignedInteger>(_ body: () -> Result) throws(Errno) -> Result {
        while true {
            let result = body()
            if result != -1 { return result }
            let error = Errno.current
            if error != .interrupted { throw error }
        }
    }
}
