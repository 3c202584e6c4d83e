import Foundation
import Testing

/// No secret, no `base64(user:secret)` and no token on stdout or stderr, for every flow policy can be driven
/// through: real registries (Basic and token, accepted and rejected), servers that echo what they were sent,
/// and usage errors. Every run passes `--debug`, so the trace is checked as well.
/// (The hostile cases check the same in `HostileServerTests`; helper argv and environments belong to the
/// credential-helper tests.)
struct SecretHygieneTests {
    static let user = "hygiene"
    static let secret = "Hyg1ene-s3cret-Value"
    static var secrets: [String] { [secret, SecretLeaks.basic(user, secret)] }

    @Suite(.enabled(if: Tools.available("docker-registry", "curl", "htpasswd", "openssl", "python3")))
    struct RealRegistries {
        struct Row: Sendable, CustomTestStringConvertible {
            var mode: RegistryFixture.Mode
            var password: String
            var viaArgument = false
            var exitCode: Int32
            var testDescription: String {
                "\(mode) \(exitCode == 0 ? "accepted" : "rejected")\(viaArgument ? " via -p" : "")"
            }
        }

        static let rows: [Row] = [
            Row(mode: .basic, password: secret, exitCode: 0),
            Row(mode: .basic, password: secret, viaArgument: true, exitCode: 0),
            Row(mode: .basic, password: "the-registry-knows-another", exitCode: 3),
            Row(mode: .token, password: secret, exitCode: 0),
            Row(mode: .token, password: "the-registry-knows-another", exitCode: 3)
        ]

        @Test(arguments: rows)
        func nothingSecretIsPrinted(_ row: Row) throws {
            let registry = try RegistryFixture(row.mode, user: user, password: row.password)
            defer { registry.stop() }
            let home = try TemporaryDirectory()
            var arguments = [
                "--debug", "login", "-s", registry.server, "-u", user, "--ca-file", registry.caFile, "-c", home.path
            ]
            arguments += row.viaArgument ? ["-p", secret] : ["--password-stdin"]
            let result = try PolicyBinary.run(arguments, stdin: row.viaArgument ? nil : secret + "\n")
            #expect(result.exitCode == row.exitCode, "\(result.stderr)")
            let tokens = registry.issuedTokens()
            if row.mode == .token && row.exitCode == 0 {
                #expect(!tokens.isEmpty, "the token service logs what it issued")
            }
            SecretLeaks.expectNone(in: result, secrets: secrets + tokens)
            #expect(!result.stderr.contains("eyJ"), "no JWT in the output: \(result.stderr)")
        }
    }

    /// A careless registry reflects the decoded credentials, the Authorization header or the token into its
    /// error message; policy prints the message, redacted.
    @Suite(.enabled(if: Tools.available("python3", "openssl")))
    struct EchoingServers {
        @Test(arguments: ["echo-basic", "echo-token"], [true, false])
        func echoedSecretsAreRedacted(_ behaviour: String, _ debug: Bool) throws {
            let server = try HostileServer([behaviour])
            defer { server.stop() }
            let home = try TemporaryDirectory()
            let arguments = [
                "login", "-s", server.server(behaviour), "-u", user, "--password-stdin", "--plaintext",
                "--timeout", "5", "-c", home.path
            ]
            let result = try PolicyBinary.run((debug ? ["--debug"] : []) + arguments, stdin: secret + "\n")
            #expect(result.exitCode == 3, "\(result.stderr)")
            #expect(result.stderr.contains("[redacted]"), "the echo reached the output, so the check means something")
            SecretLeaks.expectNone(in: result, secrets: secrets + [HostileServer.token])
        }
    }

    /// Command lines that carry the secret and fail before any request: the secret is never echoed.
    @Test(arguments: [
        ["login", "-s", "r.example", "-u", user, "-p", secret, "--password-stdin"],
        ["login", "-s", "r.example", "-u", user, "-p", secret, "--bogus"],
        ["login", "-s", "r.example", "-u", user, "--password=" + secret, "--timeout", "soon"],
        ["login", "-s", "r.example", "-u", "a:b", "-p" + secret],
        ["login", "-s", "r.example/path", "-u", user, "-p", secret],
        ["login", "-s", "r.example", "-u", user, "-p", secret, "--ca-file", "/nonexistent/ca.pem"],
        ["login", "-s", "r.example", "-u", user, "--password-stdin=" + secret],
        ["login", "-s", "r.example", "-u", user, "-P" + secret],
        ["login", "-s", "r.example", "-u", user, "-k" + secret],
        ["logout", "-p", secret],
        ["-p", secret]
    ])
    func usageErrorsDoNotEchoTheSecret(_ arguments: [String]) throws {
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(["--debug"] + arguments + ["-c", home.path], timeout: 10)
        #expect(result.exitCode == 2, "\(result.stderr)")
        SecretLeaks.expectNone(in: result, secrets: Self.secrets)
    }

    /// The copy-paste warning for blanks around a piped secret never shows the secret itself.
    @Test(arguments: [" " + secret, secret + "\t", " " + secret + " "])
    func blanksWarningDoesNotShowTheSecret(_ padded: String) throws {
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            [
                "--debug", "login", "-s", "127.0.0.1:1", "-u", Self.user, "--password-stdin",
                "--plaintext", "--timeout", "2", "-c", home.path
            ], stdin: padded + "\n", timeout: 30)
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(result.stderr.contains("starts or ends with a space or tab"))
        SecretLeaks.expectNone(in: result, secrets: Self.secrets + [padded, SecretLeaks.basic(Self.user, padded)])
    }
}
