import Foundation

/// A real docker-registry over TLS on 127.0.0.1, started by `Tests/Fixtures/registry.sh` and stopped on `stop()`
/// or release. `basic` uses htpasswd; `token` adds the RS256 token-service fixture on its own port.
final class RegistryFixture {
    enum Mode: String { case basic, token, none }

    let directory: TemporaryDirectory
    let port: Int
    var server: String { "127.0.0.1:\(port)" }
    var caFile: String { directory.file("registry/ca.pem") }
    private var stopped = false

    init(_ mode: Mode, user: String, password: String) throws {
        directory = try TemporaryDirectory()
        let passwordFile = try directory.write("password", password)
        let script = Paths.fixtures.appendingPathComponent("registry.sh").path
        let result = try ProcessRunner.run(script, ["start", directory.file("registry"), mode.rawValue, user, passwordFile])
        guard result.exitCode == 0 else {
            throw FixtureError.startFailed("registry.sh start \(mode) exited \(result.exitCode): \(result.stderr)")
        }
        let portText = try String(contentsOfFile: directory.file("registry/port"), encoding: .utf8)
        port = Int(portText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Lines the token service logged, one JSON object per request.
    func tokenRequests() -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: directory.file("registry/token-requests.log"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Every token the token service issued (it logs them), for the secret-hygiene checks.
    func issuedTokens() -> [String] {
        tokenRequests().compactMap { $0["issued"] as? String }
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        let script = Paths.fixtures.appendingPathComponent("registry.sh").path
        _ = try? ProcessRunner.run(script, ["stop", directory.file("registry")])
    }

    deinit { stop() }
}

enum FixtureError: Error, CustomStringConvertible {
    case startFailed(String)
    var description: String {
        switch self { case .startFailed(let text): return text }
    }
}
