import Foundation
import PolicyBase
import Testing
@testable import CredentialStore

/// `credential_process`, run for real through /bin/sh with the credential helpers' bounds.
struct AWSCredentialProcessTests {
    static let good = #"{"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "s3cret", "SessionToken": "tok", "Expiration": "2099-01-01T00:00:00Z"}"#

    @Test func itsJSONGivesTheCredentials() async throws {
        let credentials = try await AWSCredentialProcess(command: "printf '%s' '\(Self.good)'", timeoutSeconds: 10).credentials()
        #expect(credentials == AWSCredentials(accessKeyID: "ASIAPROC", secretAccessKey: "s3cret", sessionToken: "tok"))
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var command: String
        var problem: AWSProcessProblem
        var testDescription: String { name }
    }

    static let failures: [Row] = [
        Row(name: "a failing command says why on stderr", command: "echo 'token expired, run aws sso login' >&2; exit 2",
            problem: .failed(status: .exited(2), message: "token expired, run aws sso login")),
        Row(name: "not JSON (its value is never quoted)", command: "echo AKIA-not-json", problem: .invalidOutput(reason: "it is not a JSON object")),
        Row(name: "another version", command: #"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}'"#,
            problem: .invalidOutput(reason: "its Version is not 1")),
        Row(name: "no secret", command: #"echo '{"Version": 1, "AccessKeyId": "A"}'"#, problem: .invalidOutput(reason: "it has no SecretAccessKey")),
        Row(name: "killed by a signal", command: "kill -9 $$", problem: .failed(status: .signaled(9), message: "")),
    ]

    @Test(arguments: failures)
    func failuresAreNamed(_ row: Row) async {
        await #expect(throws: row.problem) { try await AWSCredentialProcess(command: row.command, timeoutSeconds: 10).credentials() }
    }

    /// The bound kills the whole process group: a background child does not outlive it. The error itself shows
    /// that the bound fired (unbounded, the command would end after 31 s with no output: `invalidOutput`); the
    /// wall time is not measured, as it would measure how busy the test runner's threads were.
    @Test func aHungCommandIsStoppedWithWhatItStarted() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("policy-credproc-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        await #expect(throws: AWSProcessProblem.timedOut(seconds: 1)) {
            try await AWSCredentialProcess(command: "sleep 30 & echo $! > \(pidFile); exec sleep 31", timeoutSeconds: 1).credentials()
        }
        let child = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        let deadline = Date().addingTimeInterval(5)
        while Self.isAlive(child), Date() < deadline { usleep(20_000) }
        #expect(!Self.isAlive(child), "the background child \(child) outlived the timeout")
    }

    /// Running and not a zombie.
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    @Test func tooMuchOutputIsStopped() async {
        await #expect(throws: AWSProcessProblem.outputTooLarge(limit: 1024)) {
            try await AWSCredentialProcess(command: "yes AKIA | head -c 100000", timeoutSeconds: 10, outputLimit: 1024).credentials()
        }
    }
}
