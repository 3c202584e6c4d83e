import Foundation
import Testing

/// `--debug` shows the exchange and never a secret, its base64 form or a token.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "htpasswd", "python3")))
struct DebugTraceTests {
    @Test func tokenFlowIsTracedWithoutSecrets() throws {
        let password = "debug-secret-7"
        let registry = try RegistryFixture(.token, user: "robot", password: password)
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            [
                "--debug", "login", "-s", registry.server, "-u", "robot", "--password-stdin",
                "--ca-file", registry.caFile, "-c", home.path
            ], stdin: password)
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
        let result = try PolicyBinary.run([
            "login", "-s", registry.server, "-u", "demo", "-p", password, "--debug",
            "--ca-file", registry.caFile, "-c", home.path
        ])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(Basic credentials of 'demo', redacted)"))
        #expect(result.stderr.contains("reused connection"))
        #expect(!result.stderr.contains(password))
        #expect(!result.stderr.contains(Data("demo:\(password)".utf8).base64EncodedString()))
    }

    /// `status --verify` checks on threads of its own: every exchange of every registry is traced all the same,
    /// one registry after another, tokens and passwords redacted.
    @Test func statusVerifyIsTracedWithoutSecrets() throws {
        let password = "debug-status-secret"
        let token = try RegistryFixture(.token, user: "robot", password: password)
        let basic = try RegistryFixture(.basic, user: "demo", password: password)
        let home = try TemporaryDirectory()
        let auth = { (user: String) in Data("\(user):\(password)".utf8).base64EncodedString() }
        try home.write(
            "config.json",
            #"{"auths": {"\#(token.server)": {"auth": "\#(auth("robot"))"}, "\#(basic.server)": {"auth": "\#(auth("demo"))"}}}"#
        )
        let bundle = try home.write(
            "ca.pem",
            String(
                decoding: try Data(contentsOf: URL(fileURLWithPath: token.caFile))
                    + Data(contentsOf: URL(fileURLWithPath: basic.caFile)), as: UTF8.self))
        let result = try PolicyBinary.run(["--debug", "status", "--verify", "--ca-file", bundle, "-c", home.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let trace = result.stderr
        for server in [token.server, basic.server] {
            #expect(trace.contains("[debug] > GET https://\(server)/v2/ (no credentials)"), "\(trace)")
        }
        #expect(trace.contains("(Basic credentials of 'demo', redacted)"))
        #expect(trace.contains("/token?service=policy-test-registry (Basic credentials of 'robot', redacted)"))
        #expect(trace.contains("(Bearer token, redacted)"))
        // One registry's lines come together: the token flow's four exchanges are not split by the other's.
        let lines = trace.split(separator: "\n").filter { $0.hasPrefix("[debug] > ") }
        let owners = lines.map { $0.contains(basic.server) ? "basic" : "token" }
        #expect(owners == owners.sorted() || owners == owners.sorted().reversed(), "\(lines)")
        let forbidden = [password, auth("robot"), auth("demo")] + token.issuedTokens()
        for secret in forbidden { #expect(!trace.contains(secret) && !result.stdout.contains(secret)) }
    }
}
