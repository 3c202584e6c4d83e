import Foundation
import Testing

/// `policy login` through the built binary against a real docker-registry with htpasswd (Basic) over TLS.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "htpasswd", "openssl")))
struct LoginBasicTests {
    static let user = "demo"
    static let password = "correct horse battery"

    /// A config.json that already holds other logins and keys policy does not know.
    static let seededConfig = """
        {
          "auths": {"other.example:5000": {"auth": "b3RoZXI6c2VjcmV0", "identitytoken": "keep-me"}},
          "HttpHeaders": {"User-Agent": "custom"},
          "futureKey": [1, 2.50, {"nested": null}]
        }
        """

    @Test func goodPasswordIsStoredAndOtherEntriesKept() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        try home.write("config.json", Self.seededConfig)
        let result = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", Self.user, "--password-stdin",
                "--ca-file", registry.caFile, "-c", home.path
            ], stdin: Self.password + "\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Login Succeeded\n")
        let config = try ConfigJSON(home.read("config.json"))
        #expect(config.auth(registry.server) == Data("\(Self.user):\(Self.password)".utf8).base64EncodedString())
        #expect(config.auth("other.example:5000") == "b3RoZXI6c2VjcmV0")
        #expect(config.entry("other.example:5000")?["identitytoken"] as? String == "keep-me")
        #expect(config.root["HttpHeaders"] != nil)
        #expect(config.root["futureKey"] != nil)
        let mode = try FileManager.default.attributesOfItem(atPath: home.file("config.json"))[.posixPermissions] as? Int
        #expect(mode == 0o644, "an existing file keeps its mode")
    }

    @Test func aNewConfigIs0600InA0700Directory() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let configDirectory = home.file("fresh/.policy")
        let result = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", Self.user, "--password-stdin",
                "--ca-file", registry.caFile, "-c", configDirectory
            ], stdin: Self.password)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let fileMode =
            try FileManager.default.attributesOfItem(atPath: configDirectory + "/config.json")[.posixPermissions]
            as? Int
        let directoryMode = try FileManager.default.attributesOfItem(atPath: configDirectory)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(directoryMode == 0o700)
    }

    @Test func wrongPasswordExits3AndLeavesConfigByteForByte() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        try home.write("config.json", Self.seededConfig)
        let before = try home.read("config.json")
        let result = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", Self.user, "--password-stdin",
                "--ca-file", registry.caFile, "-c", home.path
            ], stdin: "wrong password\n")
        #expect(result.exitCode == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(registry.server))
        #expect(result.stderr.contains("rejected"))
        #expect(try home.read("config.json") == before)
    }

    @Test func untrustedCertificateExits4WithCAFileHint() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            ["login", "-s", registry.server, "-u", Self.user, "--password-stdin", "-c", home.path],
            stdin: Self.password)
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("--ca-file"))
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    @Test func passwordOptionWarnsAndWorks() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run([
            "--config", home.path, "login", "--server=\(registry.server)", "-u", Self.user,
            "-p", Self.password, "--ca-file", registry.caFile
        ])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("WARNING! Using --password via the CLI is insecure. Use --password-stdin."))
        #expect(!result.stderr.contains(Self.password))
    }

    @Test func anonymousRegistryStoresAndSaysItCouldNotCheck() throws {
        let registry = try RegistryFixture(.none, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", Self.user, "--password-stdin",
                "--ca-file", registry.caFile, "-c", home.path
            ], stdin: Self.password)
        #expect(result.exitCode == 0)
        #expect(result.stdout == "Login Succeeded\n")
        #expect(result.stderr.contains("anonymous"))
        #expect(try ConfigJSON(home.read("config.json")).auth(registry.server) != nil)
    }
}

/// config.json parsed for assertions.
struct ConfigJSON {
    let root: [String: Any]

    init(_ data: Data) throws {
        root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func entry(_ server: String) -> [String: Any]? {
        (root["auths"] as? [String: Any])?[server] as? [String: Any]
    }

    func auth(_ server: String) -> String? { entry(server)?["auth"] as? String }
}
