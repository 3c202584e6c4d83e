import Foundation

/// A real docker-registry over TLS on 127.0.0.1, started by `Tests/Fixtures/registry.sh` and stopped on `stop()`
/// or release. `basic` uses htpasswd; `token` adds the RS256 token-service fixture on its own port.
/// Its servers carry `POLICY_TEST_FIXTURE=<marker>` and a lifetime limit; a start that fails is cleaned up
/// (by registry.sh's trap, and once more here) before the error is thrown.
final class RegistryFixture {
    enum Mode: String {
        case basic, token
        case tokenFront = "token-front"
        case none
    }
    /// How the registry listens: HTTPS, HTTPS demanding a client certificate, or plain HTTP.
    enum Transport: String { case tls, mtls, none }

    let directory: TemporaryDirectory
    let host: String
    let port: Int
    let marker: String
    var server: String { "\(host):\(port)" }
    var caFile: String { directory.file("registry/ca.pem") }
    var clientCertificate: String { directory.file("registry/client.pem") }
    var clientKey: String { directory.file("registry/client-key.pem") }
    private var stopped = false

    /// - Parameter certificateNames: the server certificate's subjectAltName (default IP:127.0.0.1,DNS:localhost).
    /// - Parameters:
    ///   - environment: added to registry.sh's environment (e.g. `REGISTRY_BINARY` to make it fail).
    ///   - marker: the `POLICY_TEST_FIXTURE` value its processes carry (a test of a failed start passes its own).
    init(
        _ mode: Mode, user: String, password: String, transport: Transport = .tls, host: String = "127.0.0.1",
        certificateNames: String? = nil, environment extra: [String: String] = [:], marker: String = UUID().uuidString
    ) throws {
        directory = try TemporaryDirectory()
        self.host = host
        self.marker = marker
        let passwordFile = try directory.write("password", password)
        var environment = ProcessInfo.processInfo.environment
        environment["REGISTRY_TLS"] = transport.rawValue
        environment["REGISTRY_HOST"] = host
        environment["REGISTRY_CERT_SAN"] = certificateNames
        environment["REGISTRY_LIFETIME"] = String(FixtureProcess.lifetimeSeconds)
        environment[FixtureProcess.markerVariable] = marker
        environment.merge(extra) { $1 }
        let registryDirectory = directory.file("registry")
        do {
            let result = try ProcessRunner.run(
                Self.script, ["start", registryDirectory, mode.rawValue, user, passwordFile],
                environment: environment)
            guard result.exitCode == 0 else {
                throw FixtureError.startFailed("registry.sh start \(mode) exited \(result.exitCode): \(result.stderr)")
            }
            let portText = try String(contentsOfFile: directory.file("registry/port"), encoding: .utf8)
            guard let port = Int(portText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw FixtureError.startFailed("registry.sh wrote no port: '\(portText)'")
            }
            self.port = port
        } catch {
            // registry.sh's own trap stops what it started; this also covers registry.sh being killed on timeout.
            Self.stop(registryDirectory)
            throw error
        }
    }

    private static var script: String { Paths.fixtures.appendingPathComponent("registry.sh").path }

    private static func stop(_ registryDirectory: String) {
        _ = try? ProcessRunner.run(script, ["stop", registryDirectory], timeout: 30)
    }

    /// Tokens the token service issued.
    func issuedTokens() -> [String] { tokenRequests().compactMap { $0["issued"] as? String } }

    /// Lines the token service logged, one JSON object per request.
    func tokenRequests() -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: directory.file("registry/token-requests.log"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        Self.stop(directory.file("registry"))
    }

    deinit { stop() }
}

enum FixtureError: Error, CustomStringConvertible {
    case startFailed(String)
    var description: String {
        switch self {
        case .startFailed(let text): return text
        }
    }
}
