import Foundation

/// A server or proxy a test starts, which cannot outlive it: it runs under `timeout` (a lifetime limit, in
/// case the test runner dies without cleaning up) as the leader of its own process group, and `stop()` (or
/// release) ends the whole group — the fixture and everything it started — and reaps it.
///
/// Every fixture carries `POLICY_TEST_FIXTURE=<marker>` in its environment, inherited by its children, so a
/// test can ask whether anything of it is left (`Leftovers.processes(marker:)`); `make test` does the same for
/// the whole run with `POLICY_TEST_RUN` (`scripts/leftovers.sh`).
final class FixtureProcess {
    /// Seconds a fixture may live at most; a test that needs one longer is broken anyway.
    static let lifetimeSeconds = 600
    static let markerVariable = "POLICY_TEST_FIXTURE"

    let pid: pid_t
    let marker: String
    let stderrPath: String
    private var reaped = false
    private var lifelineWriter: Int32 = -1

    /// - Parameters:
    ///   - stdout, stderr: files for the fixture's output.
    ///   - lifeline: the fixture's stdin is a pipe whose write end only this process holds, so the fixture
    ///     reads end of file when the test process is gone, however it died (and on `stop()`).
    ///   - environment: added to the test's own environment.
    init(
        _ executable: String, _ arguments: [String], lifeline: Bool = false, stdout: String, stderr: String,
        environment extra: [String: String] = [:], lifetime: Int = lifetimeSeconds
    ) throws {
        marker = UUID().uuidString
        stderrPath = stderr
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        environment[Self.markerVariable] = marker
        var stdin = Spawn.Input.path("/dev/null")
        var readEnd: Int32 = -1
        if lifeline {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            // Only the fixture may hold the pipe: policy processes spawned by parallel tests must not inherit it.
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            (readEnd, lifelineWriter) = (ends[0], ends[1])
            stdin = .descriptor(readEnd)
        }
        defer { if readEnd >= 0 { close(readEnd) } }
        do {
            // -k: a fixture that ignores SIGTERM at the end of its lifetime gets SIGKILL 5 s later.
            pid = try Spawn.start(
                "/usr/bin/timeout", ["-k", "5", String(lifetime), executable] + arguments, stdin: stdin,
                stdout: stdout, stderr: stderr, environment: environment, newProcessGroup: true)
        } catch {
            if lifelineWriter >= 0 { close(lifelineWriter) }
            throw error
        }
    }

    /// Waits for the file a fixture writes once it is ready and returns its text; when the fixture exits or
    /// `seconds` pass first, stops it and throws with its stderr.
    func waitForFile(_ path: String, within seconds: Double = 20, describing name: String) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
            if Date() > deadline || !isRunning {
                stop()
                let log = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
                throw FixtureError.startFailed("\(name) did not start: \(log)")
            }
            usleep(10_000)
        }
    }

    /// Whether the fixture (the `timeout` wrapper that leads its group) is still running.
    var isRunning: Bool {
        guard !reaped else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            reaped = true
            return false
        }
        return true
    }

    /// SIGTERM to the whole group, SIGKILL to what is left after 3 s; returns when the leader is reaped.
    func stop() {
        if lifelineWriter >= 0 {
            close(lifelineWriter)
            lifelineWriter = -1
        }
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(3)
        while isRunning, Date() < deadline { usleep(10_000) }
        kill(-pid, SIGKILL)  // also whatever the fixture started and left behind in its group
        if !reaped {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            reaped = true
        }
    }

    deinit { stop() }
}

/// Processes still running that a test (or a fixture) started, found by an environment entry they inherited.
enum Leftovers {
    /// Pids of live (non-zombie) processes whose environment holds `POLICY_TEST_FIXTURE=<marker>`.
    static func processes(marker: String) -> [Int32] {
        processes(withEnvironmentEntry: "\(FixtureProcess.markerVariable)=\(marker)")
    }

    static func processes(withEnvironmentEntry entry: String) -> [Int32] {
        let wanted = Array(entry.utf8)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { Int32($0) }.filter { pid in
            guard pid != getpid(), !isZombie(pid),
                let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ")
            else { return false }
            return environ.split(separator: 0).contains { Array($0) == wanted }
        }
    }

    /// Waits up to `seconds` for every process carrying the marker to end; returns those still running.
    static func remaining(marker: String, within seconds: Double = 5) -> [Int32] {
        let deadline = Date().addingTimeInterval(seconds)
        var left = processes(marker: marker)
        while !left.isEmpty, Date() < deadline {
            usleep(50_000)
            left = processes(marker: marker)
        }
        return left
    }

    /// A one-line description of each pid, for a failure message.
    static func describe(_ pids: [Int32]) -> String {
        pids.map { pid in
            let command = (FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data())
                .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            return "\(pid): \(command)"
        }.joined(separator: "; ")
    }

    private static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
