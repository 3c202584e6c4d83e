#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/ChildProcessGroups.swift: port kill and waitid to this C library (see README, Platforms)")
#endif

/// The children `policy` started in process groups of their own (credential helpers), which a terminating
/// signal must end before `policy` ends: `Signals`' handler kills each group and waits for its leader, so no
/// helper finishes a store after `policy` was interrupted.
///
/// A child is announced before it is started (`starting()`), so that a signal arriving while it starts, before
/// its pid is known, is held until `started` or `ended` and then acted on there.
public enum ChildProcessGroups {
    /// One child's place in the table.
    public struct Slot: Sendable {
        fileprivate let index: Int
    }

    /// Reserves a place for a child about to start; nil when the table is full (the child is then not ended
    /// by a signal, which cannot happen with one helper at a time).
    public static func starting() -> Slot? {
        Table.lock.withLock {
            guard let index = (0..<Table.capacity).first(where: { Table.entries[$0] == Table.free }) else { return nil }
            Table.entries[index] = Table.starting
            return Slot(index: index)
        }
    }

    /// The child started as `pid`, the leader of its own process group. If a terminating signal arrived in the
    /// meantime, `policy` ends now, taking the group with it.
    public static func started(_ pid: Int32, in slot: Slot?) {
        guard let slot else { return }
        Table.lock.withLock { Table.entries[slot.index] = pid }
        endIfSignalled()
    }

    /// The child was reaped (or never started): its place is free again. A signal held meanwhile ends `policy` now.
    public static func ended(_ slot: Slot?) {
        guard let slot else { return }
        Table.lock.withLock { Table.entries[slot.index] = Table.free }
        endIfSignalled()
    }

    /// Called by the termination handler: true when a child is starting, in which case the signal is held
    /// (its starter acts on it). Async-signal-safe.
    static func holdWhileStarting(_ signalNumber: Int32) -> Bool {
        Table.pendingSignal.pointee = signalNumber
        for index in 0..<Table.capacity where Table.entries[index] == Table.starting { return true }
        return false
    }

    /// Kills every registered group and waits until each leader has died (it is left for its reaper, who
    /// may be waiting on it elsewhere). Async-signal-safe.
    static func endAll() {
        for index in 0..<Table.capacity where Table.entries[index] > 0 {
            _ = kill(-Table.entries[index], SIGKILL)
        }
        for index in 0..<Table.capacity where Table.entries[index] > 0 {
            var info = siginfo_t()
            // WNOWAIT: wait for the death without reaping; ECHILD when it was reaped already.
            _ = try? Syscall.retrying { waitid(P_PID, id_t(Table.entries[index]), &info, WEXITED | WNOWAIT) }
        }
    }

    static func prepareForHandlers() {
        _ = Table.entries
        _ = Table.pendingSignal
    }

    private static func endIfSignalled() {
        let signalNumber = Table.pendingSignal.pointee
        guard signalNumber != 0 else { return }
        Signals.terminate(by: signalNumber)
    }
}

/// The table a signal handler reads: allocated once, before any handler can run (a lazily initialised global
/// would run `swift_once` inside the handler). Writers hold `lock`; the handler only reads, and writes
/// `pendingSignal`.
private enum Table {
    static let capacity = 8
    static let free: Int32 = 0
    static let starting: Int32 = -1
    static let lock = ThreadLock()
    nonisolated(unsafe) static let entries: UnsafeMutablePointer<Int32> = {
        let storage = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        storage.initialize(repeating: free, count: capacity)
        return storage
    }()
    nonisolated(unsafe) static let pendingSignal: UnsafeMutablePointer<Int32> = {
        let storage = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        storage.initialize(to: 0)
        return storage
    }()
}
