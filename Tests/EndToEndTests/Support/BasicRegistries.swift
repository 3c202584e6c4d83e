import Foundation

/// Many tiny registries on 127.0.0.1, one port each, plain HTTP (log in with `--plaintext`), all answering
/// Basic authentication for one user: `Tests/Fixtures/basic_registries.py`, stopped on `stop()` or release
/// (and by itself after a few minutes, should a test runner die).
final class BasicRegistries {
    let directory: TemporaryDirectory
    let ports: [Int]
    let pid: Int32
    private var stopped = false

    var servers: [String] { ports.map { "127.0.0.1:\($0)" } }

    init(count: Int, user: String, password: String) throws {
        directory = try TemporaryDirectory()
        let passwordFile = try directory.write("password", password)
        let script = Paths.fixtures.appendingPathComponent("basic_registries.py").path
        let start = try ProcessRunner.run("/bin/sh", ["-c", "python3 \"$1\" \"$2\" \"$3\" \"$4\" \"$5\" 300 > \"$6\" 2>&1 & echo $!",
                                                      "sh", script, String(count), user, passwordFile,
                                                      directory.file("ports"), directory.file("log")])
        guard start.exitCode == 0, let pid = Int32(start.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw FixtureError.startFailed("basic_registries.py did not start: \(start.stderr)")
        }
        self.pid = pid
        let deadline = Date().addingTimeInterval(20)
        var ports: [Int] = []
        while ports.count != count {
            if Date() > deadline {
                kill(pid, SIGTERM)
                let log = (try? String(contentsOfFile: directory.file("log"), encoding: .utf8)) ?? ""
                throw FixtureError.startFailed("basic_registries.py did not list \(count) ports: \(log)")
            }
            usleep(20_000)
            let text = (try? String(contentsOfFile: directory.file("ports"), encoding: .utf8)) ?? ""
            ports = text.split(separator: "\n").compactMap { Int($0) }
        }
        self.ports = ports
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGTERM)
        for _ in 0..<250 where kill(pid, 0) == 0 { usleep(20_000) }
    }

    deinit { stop() }
}

/// Waits until process `pid` has gone (it is no child of ours, so it cannot be waited for); true when it has.
func processEnded(_ pid: Int32, within seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if kill(pid, 0) != 0 { return true }
        // A zombie whose parent has not reaped it yet still answers kill(pid, 0); count it as ended.
        if let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           status.split(separator: " ").dropFirst(2).first == "Z" { return true }
        usleep(20_000)
    }
    return false
}
