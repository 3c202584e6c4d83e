import Foundation
import Testing

/// One TLS connection per host per login: counted by the server (client ports it saw) and by `--debug`.
/// Not timed: if reuse regresses, the counts change.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "openssl", "python3")))
struct ConnectionReuseTests {
    static let password = "reuse-pass"

    func login(_ registry: RegistryFixture) throws -> ProcessResult {
        let home = try TemporaryDirectory()
        return try PolicyBinary.run(
            [
                "--debug", "login", "-s", registry.server, "-u", "robot", "--password-stdin",
                "--ca-file", registry.caFile, "-c", home.path
            ], stdin: Self.password)
    }

    @Test func aTokenServiceOnTheRegistrysHostSharesItsConnection() throws {
        let registry = try RegistryFixture(.tokenFront, user: "robot", password: Self.password)
        let readinessChecks = registry.tokenRequests().count
        let result = try login(registry)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let requests = registry.tokenRequests().dropFirst(readinessChecks).filter { $0["path"] != nil }
        #expect(requests.count == 3, "probe, token, authenticated probe")
        let clientPorts = Set(requests.compactMap { $0["client_port"] as? Int })
        #expect(clientPorts.count == 1, "the server saw \(clientPorts.count) connections")
        #expect(result.stderr.components(separatedBy: "new connection").count - 1 == 1)
    }

    @Test func aTokenServiceOnAnotherPortCostsExactlyOneMoreConnection() throws {
        let registry = try RegistryFixture(.token, user: "robot", password: Self.password)
        let result = try login(registry)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "new connection").count - 1 == 2)
        #expect(result.stderr.components(separatedBy: "reused connection").count - 1 == 1)
    }
}
