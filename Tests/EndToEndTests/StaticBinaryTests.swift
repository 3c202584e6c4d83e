import Foundation
import Testing

/// The static binary (`make static`, `$POLICY_STATIC_BIN`) where it must run: an empty root holding nothing but
/// the binary, `/etc/passwd` and the test CA — no `/proc`, no NSS modules, no libraries, no `HOME` — with the CA
/// at each place the system trust store is looked for in turn; and a Debian 11 root (glibc 2.31) made by
/// debootstrap (`$POLICY_DEBIAN_ROOT`, from `scripts/debian-root.sh`). Each row logs in, re-verifies with
/// `status --verify` and logs out against a real TLS registry on 127.0.0.1 (a chroot shares the loopback).
/// Needs root for chroot and mount namespaces; `make test` sets both variables, and under `CI=true` a missing
/// one fails instead of skipping.
@Suite(.enabled(if: StaticBinary.enabled))
struct StaticBinaryTests {
    struct Placement: Sendable, CustomTestStringConvertible {
        /// Where the CA goes in the root; nil: nowhere.
        let path: String?
        /// Written as `path` instead of the CA alone: what `--debug` must name.
        let named: String
        var environment: [String: String] = [:]
        /// The CA as an OpenSSL hash link in the directory `path`.
        var hashLink = false
        /// The machine's real bundle with the test CA appended.
        var appended = false
        var testDescription: String {
            environment.isEmpty ? "CA at \(path ?? "no place")" : "CA at \(path ?? "") with \(environment)"
        }
    }

    static let placements: [Placement] =
        [
            "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
            "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", "/etc/ssl/ca-bundle.pem", "/etc/pki/tls/cacert.pem",
            "/etc/ssl/cert.pem"
        ].map { (path: String) in Placement(path: path, named: "CA file \(path)") }
        + ["/etc/ssl/certs", "/etc/pki/tls/certs"].map { (path: String) in
            Placement(path: path, named: "CA directory \(path)", hashLink: true)
        }
        + [
            Placement(
                path: "/etc/ssl/certs/ca-certificates.crt", named: "CA file /etc/ssl/certs/ca-certificates.crt",
                appended: true),
            Placement(
                path: "/opt/ours/ca.pem", named: "CA file /opt/ours/ca.pem",
                environment: ["SSL_CERT_FILE": "/opt/ours/ca.pem"])
        ]

    @Test(arguments: placements)
    func logsInFromAnEmptyRoot(_ placement: Placement) throws {
        let registry = try RegistryFixture(.basic, user: "root-user", password: "empty-root")
        let root = try EmptyRoot()
        if let path = placement.path {
            if placement.hashLink {
                try root.add(
                    Data(contentsOf: URL(fileURLWithPath: registry.caFile)),
                    at: "\(path)/\(StaticBinary.hash(registry.caFile)).0")
            } else if placement.appended {
                let system = try Data(contentsOf: URL(fileURLWithPath: "/etc/ssl/certs/ca-certificates.crt"))
                try root.add(system + Data(contentsOf: URL(fileURLWithPath: registry.caFile)), at: path)
            } else {
                try root.add(Data(contentsOf: URL(fileURLWithPath: registry.caFile)), at: path)
            }
        }
        try root.roundTrip(registry, environment: placement.environment, debugNames: placement.named)
    }

    @Test func docker_certs_d_adds_the_registrys_own_CA() throws {
        let registry = try RegistryFixture(.basic, user: "root-user", password: "empty-root")
        let root = try EmptyRoot()
        let path = "/etc/docker/certs.d/\(registry.server)/ca.crt"
        try root.add(Data(contentsOf: URL(fileURLWithPath: registry.caFile)), at: path)
        try root.roundTrip(registry, environment: [:], debugNames: "\(path) (docker's certs.d)")
    }

    @Test func noTrustStoreIsOneSentenceNamingSSL_CERT_FILE() throws {
        let registry = try RegistryFixture(.basic, user: "root-user", password: "empty-root")
        let root = try EmptyRoot()
        let result = try root.run(
            ["login", "-s", registry.server, "-u", "root-user", "--password-stdin"], stdin: "empty-root")
        #expect(result.exitCode == 4, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one sentence: \(result.stderr)")
        #expect(result.stderr.contains("SSL_CERT_FILE"))
        for place in ["/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/cert.pem", "/etc/pki/tls/certs"] {
            #expect(result.stderr.contains(place), "names \(place): \(result.stderr)")
        }
        #expect(!result.stderr.contains("--ca-file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.directory.file("root/home/.policy/config.json")))
    }

    @Test(.enabled(if: StaticBinary.debianRoot != nil || Tools.isCI))
    func logsInFromDebian11() throws {
        let debian = try #require(StaticBinary.debianRoot, "POLICY_DEBIAN_ROOT is not set (make test sets it)")
        let libc = try String(contentsOfFile: debian + "/var/lib/dpkg/status", encoding: .utf8)
        #expect(libc.contains("Package: libc6\nStatus: install ok installed\n"), "a Debian root with glibc")
        let registry = try RegistryFixture(.basic, user: "debian-user", password: "bullseye")
        let scratch = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: scratch.file("home"), withIntermediateDirectories: true)
        try StaticBinary.copy(to: scratch.file("policy"))
        try FileManager.default.copyItem(atPath: registry.caFile, toPath: scratch.file("ca.pem"))
        // A private mount namespace: /mnt holds the binary and the CA, /root (root's home in Debian's
        // /etc/passwd, found without HOME) is the test's directory; the cached root itself is never written.
        let script = """
            mount --bind "$1" "$2/mnt" && mount --bind "$1/home" "$2/root" && shift 2 && exec chroot "$ROOT" /mnt/policy "$@"
            """
        func policy(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
            try ProcessRunner.run(
                "/usr/bin/unshare", ["-m", "/bin/sh", "-c", script, "sh", scratch.path, debian] + arguments,
                stdin: stdin.map { Data($0.utf8) },
                environment: StaticBinary.environment(["SSL_CERT_FILE": "/mnt/ca.pem", "ROOT": debian]))
        }
        let login = try policy(
            ["login", "-s", registry.server, "-u", "debian-user", "--password-stdin"], stdin: "bullseye")
        #expect(login.exitCode == 0, "\(login.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: scratch.file("home/.policy/config.json")),
            "config under /root from /etc/passwd")
        let status = try policy(["status", "--verify", registry.server])
        #expect(status.exitCode == 0, "\(status.stdout)\(status.stderr)")
        let logout = try policy(["logout", "-s", registry.server])
        #expect(logout.exitCode == 0, "\(logout.stderr)")
    }
}

/// The static binary under test and what its tests need.
enum StaticBinary {
    static let environment = ProcessInfo.processInfo.environment
    static var path: String { environment["POLICY_STATIC_BIN"] ?? "" }
    static var debianRoot: String? { environment["POLICY_DEBIAN_ROOT"].flatMap { $0.isEmpty ? nil : $0 } }
    static var enabled: Bool { Tools.isCI || (!path.isEmpty && getuid() == 0) }

    /// What policy runs with in a root: no HOME and no PATH (it must find neither), the run's marker.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var chosen = extra
        if let run = environment["POLICY_TEST_RUN"] { chosen["POLICY_TEST_RUN"] = run }
        return chosen
    }

    /// Copies the binary with cp(1): a descriptor this process held open for writing it would be inherited by
    /// any child another test forks meanwhile, and exec would fail with ETXTBSY ("Text file busy") until that
    /// child has exec'd in turn.
    static func copy(to destination: String) throws {
        let result = try ProcessRunner.run("/bin/cp", [path, destination])
        guard result.exitCode == 0 else { throw FixtureError.startFailed("cp \(path): \(result.stderr)") }
    }

    /// OpenSSL's subject hash of the certificate: the name of its link in a CA directory.
    static func hash(_ certificate: String) throws -> String {
        try ProcessRunner.run("/usr/bin/openssl", ["x509", "-hash", "-noout", "-in", certificate]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A directory with only the static binary, `/etc/passwd` (root's home `/home`) and an `/etc/nsswitch.conf`
/// naming an NSS module, run with chroot.
final class EmptyRoot {
    let directory: TemporaryDirectory
    var path: String { directory.file("root") }

    init() throws {
        #expect(!StaticBinary.path.isEmpty, "POLICY_STATIC_BIN is not set (make test sets it)")
        directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("root/home"), withIntermediateDirectories: true)
        try StaticBinary.copy(to: directory.file("root/policy"))
        try add(Data("root:x:0:0:root:/home:/bin/sh\n".utf8), at: "/etc/passwd")
        // NSS would look the user up through libnss_compat.so (Ubuntu 18.04's default, and older Debian's), which a
        // static binary cannot load: only policy's own read of /etc/passwd finds the home directory here.
        try add(Data("passwd: compat\n".utf8), at: "/etc/nsswitch.conf")
    }

    func add(_ contents: Data, at inside: String) throws {
        let target = URL(fileURLWithPath: path + inside)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: target)
    }

    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(
            "/usr/sbin/chroot", [path, "/policy"] + arguments, stdin: stdin.map { Data($0.utf8) },
            environment: StaticBinary.environment(environment))
    }

    /// login (with `--debug`, which must name where the CA was found), status --verify, logout; the config is
    /// found through `/etc/passwd`.
    func roundTrip(_ registry: RegistryFixture, environment: [String: String], debugNames trust: String) throws {
        let login = try run(
            ["--debug", "login", "-s", registry.server, "-u", "root-user", "--password-stdin"], stdin: "empty-root",
            environment: environment)
        #expect(login.exitCode == 0, "\(login.stderr)")
        #expect(login.stdout == "Login Succeeded\n")
        #expect(login.stderr.contains(trust), "--debug names \(trust): \(login.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: path + "/home/.policy/config.json"),
            "config under /etc/passwd's home")
        let status = try run(["status", "--verify", registry.server], environment: environment)
        #expect(status.exitCode == 0, "\(status.stdout)\(status.stderr)")
        let logout = try run(["logout", "-s", registry.server], environment: environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        let config = try String(contentsOfFile: path + "/home/.policy/config.json", encoding: .utf8)
        #expect(!config.contains(registry.server), "logged out: \(config)")
    }
}
