import Foundation

/// `Tests/Fixtures/hostile_server.py`: misbehaving registries on loopback, one behaviour per port, stopped on
/// `stop()` or release. The fixture also exits by itself when its stdin pipe closes, so it cannot outlive the
/// test process even if that process dies.
final class HostileServer {
    /// The token the fixture's Bearer behaviours issue.
    static let token = "hostile-token-7Qm2xV9pL4"

    /// One request the fixture received; `authorization` is the scheme of the Authorization header, if any.
    struct Request: Decodable, Equatable {
        var behaviour: String
        var path: String
        var authorization: String?
    }

    let directory: TemporaryDirectory
    private let ports: [String: Int]
    private let process: FixtureProcess
    var caFile: String { directory.file("ca.pem") }

    init(_ behaviours: [String]) throws {
        directory = try TemporaryDirectory()
        let script = Paths.fixtures.appendingPathComponent("hostile_server.py").path
        process = try FixtureProcess(
            "/usr/bin/env", ["python3", script, directory.path] + behaviours, lifeline: true,
            stdout: directory.file("stdout.log"), stderr: directory.file("stderr.log"))
        let text = try process.waitForFile(directory.file("ports.json"), describing: "hostile_server.py \(behaviours)")
        ports = try JSONDecoder().decode([String: Int].self, from: Data(text.utf8))
    }

    /// `127.0.0.1:PORT` of a behaviour.
    func server(_ behaviour: String) -> String { "127.0.0.1:\(ports[behaviour] ?? 0)" }

    /// Every request received so far, in order. Throws when the fixture never wrote its request log (it
    /// writes one line per request), so "no request of a kind" cannot pass on a log that does not exist.
    func requests() throws -> [Request] {
        let text = try String(contentsOfFile: directory.file("requests.log"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    /// The marker in the fixture's environment (see `Leftovers`).
    var marker: String { process.marker }

    func stop() { process.stop() }

    deinit { stop() }
}
