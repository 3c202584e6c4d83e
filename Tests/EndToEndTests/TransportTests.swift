import Foundation
import Testing

/// TLS options, fallbacks and readable network errors, through the built binary against real servers.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "htpasswd", "openssl")))
struct TransportTests {
    static let user = "demo"
    static let password = "transport-pass"

    func login(
        _ server: String, _ extra: [String], environment: [String: String] = [:]
    ) throws -> (ProcessResult, TemporaryDirectory) {
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            ["login", "-s", server, "-u", Self.user, "--password-stdin", "-c", home.path] + extra,
            stdin: Self.password, environment: environment, timeout: 30)
        return (result, home)
    }

    @Test func insecureSkipsVerification() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let (result, _) = try login(registry.server, ["-k"])
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    @Test func mutualTLSNeedsTheClientCertificate() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password, transport: .mtls)
        let (without, _) = try login(registry.server, ["--ca-file", registry.caFile])
        #expect(without.exitCode == 4)
        #expect(without.stderr.contains("--cert-file"), "\(without.stderr)")
        let (with, home) = try login(
            registry.server,
            [
                "--ca-file", registry.caFile, "--cert-file", registry.clientCertificate,
                "--key-file", registry.clientKey
            ])
        #expect(with.exitCode == 0, "\(with.stderr)")
        #expect(try ConfigJSON(home.read("config.json")).auth(registry.server) != nil)
    }

    @Test func plaintextTalksHTTP() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password, transport: .none)
        let (result, _) = try login(registry.server, ["--plaintext"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("Note:"))
    }

    @Test func loopbackFallsBackToHTTPWithANote() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password, transport: .none)
        let (result, _) = try login(registry.server, [])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("plain HTTP"))
    }

    @Test func otherHostsNeverFallBackAndGetThePlaintextHint() throws {
        let address = try #require(LocalServers.nonLoopbackIPv4(), "this machine has no non-loopback IPv4 address")
        let registry = try RegistryFixture(
            .basic, user: Self.user, password: Self.password, transport: .none, host: address)
        let (result, home) = try login(registry.server, [])
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("--plaintext"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
        let (plain, _) = try login(registry.server, ["--plaintext"])
        #expect(plain.exitCode == 0, "\(plain.stderr)")
    }

    @Test func hostnameMismatchIsNamed() throws {
        let registry = try RegistryFixture(
            .basic, user: Self.user, password: Self.password, certificateNames: "DNS:registry.example")
        let (result, _) = try login(registry.server, ["--ca-file", registry.caFile])
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("issued for another name"), "\(result.stderr)")
    }

    @Test func connectionRefusedIsNamed() throws {
        let port = try LocalServers.freePort()
        let (result, _) = try login("127.0.0.1:\(port)", [])
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("refused"), "\(result.stderr)")
        #expect(result.stderr.contains("127.0.0.1:\(port)"))
    }

    @Test func unknownHostIsNamed() throws {
        let (result, _) = try login("no-such-registry.invalid", ["--timeout", "10"])
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("could not be resolved"), "\(result.stderr)")
    }

    @Test func aSilentServerEndsWithinTheTimeout() throws {
        let listener = try SilentListener()
        let started = Date()
        let (result, _) = try login("127.0.0.1:\(listener.port)", ["--timeout", "2"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.exitCode == 4, "\(result.stderr)")
        // A loose functional bound on a tiny timeout: the configured 2 s ended it, not a built-in one.
        #expect(elapsed >= 1.5 && elapsed <= 10, "ended after \(elapsed) s with --timeout 2")
        #expect(result.stderr.contains("127.0.0.1:\(listener.port)"), "\(result.stderr)")
    }

    @Test(.enabled(if: Tools.available("tinyproxy")))
    func logsInThroughAProxy() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let proxy = try TinyProxy()
        defer { proxy.stop() }
        let (result, _) = try login(
            registry.server, ["--ca-file", registry.caFile],
            environment: ["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": ""])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(proxy.log.contains("CONNECT \(registry.server)"), "\(proxy.log)")
        proxy.stop()
        let left = Leftovers.remaining(marker: proxy.process.marker)
        #expect(left.isEmpty, "tinyproxy outlived its test: \(Leftovers.describe(left))")
    }

    @Test func noProxyBypassesTheProxy() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let deadProxyPort = try LocalServers.freePort()
        let (result, _) = try login(
            registry.server, ["--ca-file", registry.caFile],
            environment: ["HTTPS_PROXY": "http://127.0.0.1:\(deadProxyPort)", "NO_PROXY": "127.0.0.1"])
        #expect(result.exitCode == 0, "\(result.stderr)")
    }
}
