#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/FileLock.swift: port flock to this C library (see README, Platforms)")
#endif

/// How long a lock is waited for, and what is said while waiting.
public struct LockWait {
    /// After this many milliseconds of waiting, `announce` is called once (with the lock file's path).
    public var announceAfterMilliseconds: Int
    /// After this many seconds of waiting, the wait is given up.
    public var giveUpAfterSeconds: Int
    public var announce: (String) -> Void

    public init(announceAfterMilliseconds: Int, giveUpAfterSeconds: Int, announce: @escaping (String) -> Void) {
        self.announceAfterMilliseconds = announceAfterMilliseconds
        self.giveUpAfterSeconds = giveUpAfterSeconds
        self.announce = announce
    }
}

/// Why a lock was not taken.
public enum FileLockFailure: Error, Equatable {
    /// Opening or locking the file failed.
    case system(Errno)
    /// Another process held the lock for the whole wait.
    case gaveUp(afterSeconds: Int)
}

/// An exclusive `flock` on a lock file, held until `release()` or deinit. It is advisory: it excludes other
/// processes that take the same lock (every `policy`), and it is released by the system if the process dies.
public final class FileLock {
    private var descriptor: FileDescriptor?

    /// Takes the lock on `path` (created with `permissions` if missing), waiting while another process holds
    /// it: at first briefly and often, then every 100 ms, within the bounds of `wait`.
    /// - Throws: `.system` when the file cannot be opened or locked, `.gaveUp` when the wait ran out.
    public init(path: String, permissions: UInt32 = 0o600, wait: LockWait) throws(FileLockFailure) {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.openOrCreate(path, permissions: permissions)
        } catch {
            throw .system(error)
        }
        let clock = ContinuousClock()
        let start = clock.now
        var announced = false
        var pause = 2
        while true {
            do {
                _ = try Syscall.retrying { flock(descriptor.rawValue, LOCK_EX | LOCK_NB) }
                break
            } catch  where error.isWouldBlock {
                let waited = start.duration(to: clock.now)
                if !announced && waited >= .milliseconds(wait.announceAfterMilliseconds) {
                    announced = true
                    wait.announce(path)
                }
                if waited >= .seconds(wait.giveUpAfterSeconds) {
                    descriptor.close()
                    throw .gaveUp(afterSeconds: wait.giveUpAfterSeconds)
                }
                WallClock.sleep(milliseconds: pause)
                pause = min(pause * 2, 100)
            } catch {
                descriptor.close()
                throw .system(error)
            }
        }
        self.descriptor = descriptor
    }

    public func release() {
        descriptor?.close()
        descriptor = nil
    }

    deinit { release() }
}
