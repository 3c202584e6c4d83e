#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/WallClock.swift: port time and nanosleep to this C library (see README, Platforms)")
#endif

/// Time: the calendar time, as expiry dates are judged against it, and pausing a thread.
public enum WallClock {
    /// Seconds since the Unix epoch.
    public static func secondsSinceEpoch() -> Int {
        Int(time(nil))
    }
}

extension WallClock {
    /// Blocks the calling thread for about `milliseconds` (longer if a signal handler runs meanwhile).
    public static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        _ = try? Syscall.retrying { nanosleep(&request, nil) }
    }
}
