import Foundation

/// A real docker-registry over TLS on 127.0.0.1, started by `Tests/Fixtures/registry.sh` and stopped on `stop()`
/// or release. `basic` uses htpasswd; `token` adds the RS256 token-service fixture on its own port.
final class RegistryFixture {
    enum Mode: String { case basic, token, tokenFront = "token-front", none }
    /// How the registry listens: HTTPS, HTTPS demanding a client certificate, or plain HTTP.
    enum Transport: String { case tls, mtls, none }

    let directory: TemporaryDirectory
    let host: String
    let port: Int
    var server: String { "\(host):\(port)" }
    var caFile: String { directory.file("registry/ca.pem") }
    var clientCertificate: String { directory.file("registry/client.pem") }
    var clientKey: String { directory.file("registry/client-key.pem") }
    private var stopped = false

    /// - Parameter certificateNames: the server certificate's subjectAltName (default IP:127.0.0.1,DNS:localhost).
    init(_ mode: Mode, user: String, password: String, transport: Transport = .tls, host: String = "127.0.0.1",
         certificateNames: String? = nil) throws {
        directory = try TemporaryDirectory()
        self.host = host
        let passwordFile = try directory.write("password", password)
        let script = Paths.fixtures.appendingPathComponent("registry.sh").path
        var environment = ProcessInfo.processInfo.environment
        environment["REGISTRY_TLS"] = transport.rawValue
        environment["REGISTRY_HOST"] = host
        environment["REGISTRY_CERT_SAN"] = certificateNames
        let result = try ProcessRunner.run(script, ["start", directory.file("registry"), mode.rawValue, user, passwordFile],
                                           environment: environment)
        guard result.exitCode == 0 else {
            throw FixtureError.startFailed("registry.sh start \(mode) exited \(result.exitCode): \(result.stderr)")
        }
        let portText = try String(contentsOfFile: directory.file("registry/port"), encoding: .utf8)
        port = Int(portText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Tokens the token service issued.
    func issuedTokens() -> [String] { tokenRequests().compactMap { $0["issued"] as? String } }

    /// Lines the token service logged, one JSON object per request.
    func tokenRequests() -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: directory.file("registry/token-requests.log"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
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
