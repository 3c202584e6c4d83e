import Foundation
import Testing

/// `--debug` shows the exchange and never a secret, its base64 form or a token.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "htpasswd", "python3")))
struct DebugTraceTests {
    @Test func tokenFlowIsTracedWithoutSecrets() throws {
        let password = "debug-secret-7"
        let registry = try RegistryFixture(.token, user: "robot", password: password)
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(["--debug", "login", "-s", registry.server, "-u", "robot", "--password-stdin",
                                     "--ca-file", registry.caFile, "-c", home.path], stdin: password)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let trace = result.stderr
        #expect(trace.contains("> GET https://\(registry.server)/v2/ (no credentials)"))
        #expect(trace.contains("< 401"))
        #expect(trace.lowercased().contains("www-authenticate: bearer realm="))
        #expect(trace.contains("/token?service=policy-test-registry (Basic credentials of 'robot', redacted)"))
        #expect(trace.contains("(Bearer token, redacted)"))
        #expect(trace.contains("store: wrote auths"))
        let tokens = registry.issuedTokens()
        #expect(!tokens.isEmpty)
        let forbidden = [password, Data("robot:\(password)".utf8).base64EncodedString()] + tokens
        for secret in forbidden {
            #expect(!trace.contains(secret))
            #expect(!result.stdout.contains(secret))
        }
    }

    @Test func basicFlowIsTracedWithoutSecrets() throws {
        let password = "debug-basic-secret"
        let registry = try RegistryFixture(.basic, user: "demo", password: password)
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(["login", "-s", registry.server, "-u", "demo", "-p", password, "--debug",
                                     "--ca-file", registry.caFile, "-c", home.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(Basic credentials of 'demo', redacted)"))
        #expect(result.stderr.contains("reused connection"))
        #expect(!result.stderr.contains(password))
        #expect(!result.stderr.contains(Data("demo:\(password)".utf8).base64EncodedString()))
    }
}
