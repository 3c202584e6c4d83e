import Foundation
import Testing

/// Without `--ca-file`, certificates are checked against the system's CA directory, read by hash
/// (only the issuer a server needs) rather than by parsing the whole bundle. `with_system_ca.sh` adds the
/// run's own test CA to that directory as one hash link while policy runs and removes it with a trap, also
/// when the test is killed; it needs root. Under `CI=true` the suite runs (and fails) without it.
@Suite(
    .enabled(
        if: Tools.isCI
            || (getuid() == 0 && access("/etc/ssl/certs", W_OK) == 0
                && Tools.available("docker-registry", "openssl", "curl"))
    ))
struct SystemTrustTests {
    @Test func aRegistryTrustedByTheSystemNeedsNoCAFile() throws {
        let registry = try RegistryFixture(.basic, user: "demo", password: "system-trust")
        let home = try TemporaryDirectory()
        let arguments = ["login", "-s", registry.server, "-u", "demo", "--password-stdin", "-c", home.path]
        let before = try PolicyBinary.run(arguments, stdin: "system-trust")
        #expect(before.exitCode == 4, "not trusted before the CA is added: \(before.stderr)")
        let script = Paths.fixtures.appendingPathComponent("with_system_ca.sh").path
        let result = try ProcessRunner.run(
            script, [registry.caFile, Paths.policyBinary] + arguments,
            stdin: Data("system-trust".utf8))
        #expect(result.exitCode == 0, "\(result.stderr)")
        let hash = try ProcessRunner.run("/usr/bin/openssl", ["x509", "-hash", "-noout", "-in", registry.caFile])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let left = (try FileManager.default.contentsOfDirectory(atPath: "/etc/ssl/certs")).filter {
            $0.hasPrefix(hash + ".")
        }
        #expect(left.isEmpty, "the test CA was left in /etc/ssl/certs: \(left)")
    }
}
