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
    private var reaped = false

    /// - Parameters:
    ///   - stdout, stderr: files for the fixture's output.
    ///   - environment: added to the test's own environment.
    init(_ executable: String, _ arguments: [String], stdin: Spawn.Input = .path("/dev/null"), stdout: String,
         stderr: String, environment extra: [String: String] = [:], lifetime: Int = lifetimeSeconds) throws {
        marker = UUID().uuidString
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        environment[Self.markerVariable] = marker
        // -k: a fixture that ignores SIGTERM at the end of its lifetime gets SIGKILL 5 s later.
        pid = try Spawn.start("/usr/bin/timeout", ["-k", "5", String(lifetime), executable] + arguments, stdin: stdin,
                              stdout: stdout, stderr: stderr, environment: environment, newProcessGroup: true)
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
                  let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
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
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
