import Foundation
import Testing

/// Sentences that named the wrong cause, through the built binary: a host spelling libcurl normalised is no
/// redirect; credentials too long for HTTP/2 reach the registry over HTTP/1.1 instead of timing out; credentials
/// too long for any request say so with the limit; a user name is trimmed as docker trims it; a garbled
/// default-domain.cfg is named; a --ca-file without certificates is a usage error; --plaintext against TLS
/// says to drop it.
@Suite(.enabled(if: Tools.available("docker-registry", "htpasswd", "python3", "openssl")))
struct RealCauseTests {
    static let user = "demo"
    static let password = "real-cause-secret"

    func login(
        _ server: String, user: String = user, reach: [String], home: TemporaryDirectory, stdin: String = password,
        timeout: String = "20"
    ) throws -> ProcessResult {
        try PolicyBinary.run(
            ["login", "-s", server, "-u", user, "--password-stdin", "--timeout", timeout, "-c", home.path] + reach,
            stdin: stdin)
    }

    /// libcurl writes 127.1 and 0x7f.0.0.1 as 127.0.0.1: the answer still comes from the server asked.
    @Test(arguments: ["127.1", "0x7f.0.0.1", "127.000.000.001"])
    func aHostSpellingIsNotARedirect(_ spelling: String) throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let server = "\(spelling):\(registries.ports[0])"
        let result = try login(server, reach: ["--plaintext"], home: home)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("redirected"), "\(result.stderr)")
        #expect(try ConfigJSON(home.read("config.json")).auth(server) != nil)
    }

    /// Over HTTP/2 nghttp2 refuses a request whose headers pass 64 KiB, and libcurl retried until --timeout;
    /// the registry itself now answers (here: these are not its credentials).
    @Test func credentialsTooLongForHTTP2ReachTheRegistry() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try login(
            registry.server, reach: ["--ca-file", registry.caFile], home: home,
            stdin: String(repeating: "x", count: 50_000))
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("rejected the credentials of 'demo' (HTTP 401"), "\(result.stderr)")
        #expect(!result.stderr.contains("No answer"))
    }

    /// A secret whose Authorization header exceeds what libcurl sends ended in "Out of memory".
    @Test func credentialsTooLongForAnyRequestSayTooLongWithTheLimit() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try login(
            registry.server, reach: ["--ca-file", registry.caFile], home: home,
            stdin: String(repeating: "x", count: 1 << 20))
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains("The credentials are too long to send to \(registry.server)"), "\(result.stderr)")
        #expect(result.stderr.contains("at most 1020 KiB"), "\(result.stderr)")
        #expect(!result.stderr.contains("memory"))
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    /// docker trims the user name; policy sent ' demo ' while its errors showed 'demo'.
    @Test func aUserNameIsTrimmedAsDockerDoesWithAWarning() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try login(registries.servers[0], user: " demo\t", reach: ["--plaintext"], home: home)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "WARNING! The user name had blanks around it; they were removed (as docker does), logging in as 'demo'."
            ),
            "\(result.stderr)")
        let stored = try ConfigJSON(home.read("config.json")).auth(registries.servers[0])
        #expect(stored == Data("demo:\(Self.password)".utf8).base64EncodedString())
    }

    /// The server in default-domain.cfg was never typed: the sentence names the file, and quotes it as it is.
    @Test func aGarbledDefaultDomainFileIsNamed() throws {
        let home = try TemporaryDirectory()
        try home.write("default-domain.cfg", "registry.example/evil path\n")
        let result = try PolicyBinary.run(["logout", "-c", home.path])
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "The default registry remembered in '\(home.file("default-domain.cfg"))' is not a registry address"),
            "\(result.stderr)")
        #expect(result.stderr.contains("'/evil path'"), "\(result.stderr)")
    }

    /// A --ca-file that is no certificate is the user's mistake (2), as a missing one is, not a TLS failure (4).
    @Test(arguments: [
        ("/etc/passwd", "holds no PEM certificate"), ("/etc", "Cannot read the file given to --ca-file"),
        ("/nonexistent/ca.pem", "Cannot read the file given to --ca-file")
    ])
    func aCAFileThatHoldsNoCertificateIsAUsageError(_ file: String, _ says: String) throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try login(registry.server, reach: ["--ca-file", file], home: home)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains(says), "\(result.stderr)")
    }

    /// Go's TLS server answers plain HTTP with 400 "Client sent an HTTP request to an HTTPS server."
    @Test func plaintextAgainstTLSSaysToDropIt() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try login(registry.server, reach: ["--plaintext"], home: home)
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(result.stderr.contains("speaks HTTPS, not plain HTTP"), "\(result.stderr)")
        #expect(result.stderr.contains("drop --plaintext"), "\(result.stderr)")
        #expect(!result.stderr.contains(".,"), "\(result.stderr)")
    }
}
