import Foundation

/// Many tiny registries on 127.0.0.1, one port each, plain HTTP (log in with `--plaintext`), all answering
/// Basic authentication for one user: `Tests/Fixtures/basic_registries.py`, stopped on `stop()` or release
/// (and by itself after a few minutes, should a test runner die).
final class BasicRegistries {
    let directory: TemporaryDirectory
    let ports: [Int]
    let process: FixtureProcess
    var pid: Int32 { process.pid }

    var servers: [String] { ports.map { "127.0.0.1:\($0)" } }

    convenience init(count: Int, user: String, password: String) throws {
        try self.init(count: count, user: user, passwordBytes: Array(password.utf8))
    }

    /// A password of any bytes (docker sends passwords that are not UTF-8).
    init(count: Int, user: String, passwordBytes: [UInt8]) throws {
        directory = try TemporaryDirectory()
        let passwordFile = directory.file("password")
        try Data(passwordBytes).write(to: URL(fileURLWithPath: passwordFile))
        let script = Paths.fixtures.appendingPathComponent("basic_registries.py").path
        process = try FixtureProcess(
            "/usr/bin/env",
            [
                "python3", script, String(count), user, passwordFile,
                directory.file("ports"), "300"
            ],
            stdout: directory.file("log"), stderr: directory.file("log.err"))
        let text = try process.waitForFile(directory.file("ports"), describing: "basic_registries.py")
        let ports = text.split(separator: "\n").compactMap { Int($0) }
        guard ports.count == count else {
            process.stop()
            throw FixtureError.startFailed("basic_registries.py listed \(ports.count) ports, not \(count)")
        }
        self.ports = ports
    }

    func stop() { process.stop() }
}

/// Waits until process `pid` has gone (it is no child of ours, so it cannot be waited for); true when it has.
func processEnded(_ pid: Int32, within seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if kill(pid, 0) != 0 { return true }
        // A zombie whose parent has not reaped it yet still answers kill(pid, 0); count it as ended.
        if let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            status.split(separator: " ").dropFirst(2).first == "Z"
        {
            return true
        }
        usleep(20_000)
    }
    return false
}
