import Foundation

/// The built `policy` started in the background, to be signalled while it works. It leads a process group of
/// its own; whatever is left of that group when the value goes away is killed and reaped.
final class RunningPolicy {
    let pid: pid_t
    private let capture: TemporaryDirectory
    private var status: Int32?

    init(_ arguments: [String], stdin: String = "", environment extra: [String: String] = [:]) throws {
        capture = try TemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        pid = try Spawn.start(
            Paths.policyBinary, arguments, stdin: .path(try capture.write("in", stdin)),
            stdout: capture.file("out"), stderr: capture.file("err"), environment: environment,
            newProcessGroup: true)
    }

    /// What it wrote to stderr so far.
    var stderr: String { (try? String(contentsOfFile: capture.file("err"), encoding: .utf8)) ?? "" }

    /// Whether it is still running (it is reaped once it is not).
    var isRunning: Bool {
        guard status == nil else { return false }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return true }
        status = raw
        return false
    }

    func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits until it ends, as `ProcessRunner` would report it (128+n for a death by signal n); after `timeout`
    /// seconds its group is killed and the wait throws.
    func finish(timeout: Double = 30) throws -> ProcessResult {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning {
            if Date() > deadline {
                stop()
                throw ProcessRunError.timedOut("policy (background)", seconds: timeout)
            }
            usleep(5_000)
        }
        let raw = status ?? 0
        let exitCode = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        return ProcessResult(
            exitCode: exitCode, stdout: String(decoding: try capture.read("out"), as: UTF8.self),
            stderr: stderr)
    }

    private func stop() {
        kill(-pid, SIGKILL)
        if status == nil {
            var raw: Int32 = 0
            waitpid(pid, &raw, 0)
            status = raw
        }
    }

    deinit { if isRunning { stop() } }
}

/// Waits up to `seconds` for a file to exist.
func waitForFile(_ path: String, within seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !FileManager.default.fileExists(atPath: path) {
        if Date() > deadline { return false }
        usleep(10_000)
    }
    return true
}
