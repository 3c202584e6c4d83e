#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/WallClock.swift: port time to this C library (see README, Platforms)")
#endif

/// The calendar time, as expiry dates are judged against it.
public enum WallClock {
    /// Seconds since the Unix epoch.
    public static func secondsSinceEpoch() -> Int {
        Int(time(nil))
    }
}
