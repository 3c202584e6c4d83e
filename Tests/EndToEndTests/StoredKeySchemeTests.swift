import Foundation
import Testing

/// A stored key's scheme is a spelling, never a transport choice: another tool's `http://ghcr.io/` is verified
/// over HTTPS like `ghcr.io`, so `status --verify` never sends a stored password unencrypted to port 80
/// (issue 25). GHCR under its real name (a TLS fixture on 127.0.0.N:443 only), in a private mount namespace.
@Suite(.enabled(if: RealNames.available))
struct StoredKeySchemeTests {
    @Test(arguments: ["http://ghcr.io/", "http://ghcr.io", "https://ghcr.io/v2/"])
    func statusVerifyReachesAnHTTPSpelledKeyOverHTTPS(_ key: String) throws {
        let registry = try GHCRAccessTests.ghcr()
        defer { registry.stop() }
        let home = try TemporaryDirectory()
        let auth = SecretLeaks.basic("me", "ghp_read")
        try home.write("config.json", #"{"auths": {"\#(key)": {"auth": "\#(auth)"}}}"#)
        let result = try RealNames.run(
            ["status", "--verify", "--ca-file", registry.caFile, "-c", home.path], hosts: registry.hosts)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ghcr.io"), "\(result.stdout)")
        let requests = try registry.requests()
        #expect(requests.contains { $0.authorization != nil }, "the TLS registry checked the login: \(requests)")
        SecretLeaks.expectNone(in: result, secrets: ["ghp_read", auth])
    }
}
