import Foundation
import Testing

@testable import Platform

/// The platform layer against the real system: errors are typed, interrupted calls are retried, files are
/// written whole and replaced atomically.
struct PlatformTests {
    @Test func anInterruptedCallIsRetriedAndAnyOtherFailureThrown() throws {
        var calls = 0
        let result = try Syscall.retrying { () -> Int32 in
            calls += 1
            if calls < 3 {
                errno = EINTR
                return -1
            }
            return 7
        }
        #expect(result == 7 && calls == 3)
        #expect(throws: Errno.noSuchFile) {
            try Syscall.retrying { () -> Int32 in
                errno = ENOENT
                return -1
            }
        }
    }

    @Test func errnoReadsAsTheCLibrarysSentence() {
        #expect(Errno.noSuchFile.description == "No such file or directory")
        #expect(Errno(rawValue: EACCES).description == "Permission denied")
    }

    @Test func aMissingFileIsNoSuchFile() {
        #expect(throws: Errno.noSuchFile) { try FileDescriptor.openForReading("/nonexistent/policy-platform-test") }
    }

    @Test func aTemporaryFileIsWrittenWholeAndRenamedIntoPlace() throws {
        let directory = NSTemporaryDirectory() + "platform-\(UUID().uuidString)"
        try Directory.create(directory, permissions: 0o700)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: Errno.fileExists) { try Directory.create(directory, permissions: 0o700) }
        #expect(Paths.permissions(of: directory) == 0o700)

        let bytes = [UInt8]((0..<300_000).map { UInt8($0 % 251) })
        let temporary = try TemporaryFile(prefix: directory + "/file.tmp-")
        #expect(Paths.permissions(of: temporary.path) == 0o600)
        try temporary.descriptor.writeAll(bytes)
        try temporary.descriptor.setPermissions(0o640)
        try temporary.descriptor.sync()
        temporary.descriptor.close()
        try Paths.rename(temporary.path, to: directory + "/file")
        #expect(!Paths.exists(temporary.path))
        #expect(Paths.permissions(of: directory + "/file") == 0o640)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/file")) == Data(bytes))

        let reader = try FileDescriptor.openForReading(directory + "/file")
        defer { reader.close() }
        var buffer = [UInt8](repeating: 0, count: 10)
        let count = try buffer.withUnsafeMutableBytes { (raw) throws(Errno) -> Int in try reader.read(into: raw) }
        #expect(count == 10 && buffer == Array(bytes.prefix(10)))
        #expect(Directory.containsEntry(directory) { $0 == "file" })
        #expect(!Directory.containsEntry(directory) { $0 == "other" })
    }

    @Test func aSymlinkTargetIsReadAsWritten() throws {
        let directory = NSTemporaryDirectory() + "platform-\(UUID().uuidString)"
        try Directory.create(directory, permissions: 0o700)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/link", withDestinationPath: "target/config.json")
        #expect(Paths.symlinkTarget(directory + "/link") == "target/config.json")
        #expect(Paths.symlinkTarget(directory) == nil)
    }

    @Test func threadsRunAndJoinUnderOneLock() {
        final class Counter: @unchecked Sendable {
            let lock = ThreadLock()
            var value = 0
        }
        let counter = Counter()
        let threads = (0..<4).compactMap { _ in
            JoinableThread {
                for _ in 0..<1000 { counter.lock.withLock { counter.value += 1 } }
            }
        }
        for thread in threads { thread.join() }
        #expect(threads.count == 4 && counter.value == 4000)
    }

    @Test func theEnvironmentIsReadWhole() {
        #expect(CurrentProcess.environmentVariables() == ProcessInfo.processInfo.environment)
    }

    /// flock excludes another open file description even in the same process: the second lock waits,
    /// announces the wait once, and gives up at its bound; once the first is released it is taken at once.
    @Test func aHeldLockIsWaitedForAnnouncedAndGivenUpOn() throws {
        let directory = NSTemporaryDirectory() + "platform-\(UUID().uuidString)"
        try Directory.create(directory, permissions: 0o700)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/config.json.lock"
        let quiet = LockWait(announceAfterMilliseconds: 1000, giveUpAfterSeconds: 1) { _ in }
        let first = try FileLock(path: path, wait: quiet)
        final class Announced: @unchecked Sendable { var paths: [String] = [] }
        let announced = Announced()
        let waiting = LockWait(announceAfterMilliseconds: 200, giveUpAfterSeconds: 1) { announced.paths.append($0) }
        #expect(throws: FileLockFailure.gaveUp(afterSeconds: 1)) { try FileLock(path: path, wait: waiting) }
        #expect(announced.paths == [path])
        first.release()
        let second = try FileLock(path: path, wait: waiting)
        second.release()
        #expect(announced.paths == [path], "a free lock is taken without a word")
        #expect(Paths.permissions(of: path) == 0o600)
    }
}
