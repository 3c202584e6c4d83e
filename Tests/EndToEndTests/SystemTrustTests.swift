import Foundation
import Testing

/// Without `--ca-file`, certificates are checked against the system's CA directory, read by hash
/// (only the issuer a server needs) rather than by parsing the whole bundle. This adds the run's own test
/// CA to that directory as one hash link for the duration of the test, so it needs root.
@Suite(.enabled(if: getuid() == 0 && access("/etc/ssl/certs", W_OK) == 0 && Tools.available("docker-registry", "openssl")))
struct SystemTrustTests {
    @Test func aRegistryTrustedByTheSystemNeedsNoCAFile() throws {
        let registry = try RegistryFixture(.basic, user: "demo", password: "system-trust")
        let hash = try ProcessRunner.run("/usr/bin/openssl", ["x509", "-hash", "-noout", "-in", registry.caFile])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let link = try #require((0..<100).lazy.map { "/etc/ssl/certs/\(hash).\($0)" }
            .first { !FileManager.default.fileExists(atPath: $0) })
        try FileManager.default.copyItem(atPath: registry.caFile, toPath: link)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let home = try TemporaryDirectory()
        let result = try Policy.run(["login", "-s", registry.server, "-u", "demo", "--password-stdin", "-c", home.path],
                                    stdin: "system-trust")
        #expect(result.exitCode == 0, "\(result.stderr)")
    }
}
