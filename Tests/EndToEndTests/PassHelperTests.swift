import Foundation
import Testing

/// The real `docker-credential-pass` (Debian's golang-docker-credential-helpers) with `pass` and a throwaway
/// GnuPG key without a passphrase, in a temporary GNUPGHOME and PASSWORD_STORE_DIR. gpg-agent and any other
/// GnuPG daemon are stopped when the test ends.
@Suite(.enabled(if: Tools.available("python3", "pass", "gpg", "gpgconf", "docker-credential-pass")))
struct PassHelperTests {
    /// A GnuPG home with one key and a password store initialised for it.
    final class PassStore {
        let directory: TemporaryDirectory
        var environment: [String: String] {
            ["GNUPGHOME": directory.file("gnupg"), "PASSWORD_STORE_DIR": directory.file("store")]
        }

        init() throws {
            directory = try TemporaryDirectory()
            try FileManager.default.createDirectory(
                atPath: directory.file("gnupg"), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            let key = try run(
                "gpg",
                [
                    "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                    "--quick-generate-key", "policy test <policy-test@example.invalid>", "future-default", "default",
                    "never"
                ])
            guard key.exitCode == 0 else { throw FixtureError.startFailed("gpg key generation: \(key.stderr)") }
            let initialised = try run("pass", ["init", "policy-test@example.invalid"])
            guard initialised.exitCode == 0 else { throw FixtureError.startFailed("pass init: \(initialised.stderr)") }
        }

        func run(_ tool: String, _ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
            var environment = ProcessInfo.processInfo.environment
            environment.merge(self.environment) { $1 }
            let path =
                (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(tool)" }
                .first { FileManager.default.isExecutableFile(atPath: $0) } ?? tool
            return try ProcessRunner.run(
                path, arguments, stdin: stdin.map { Data($0.utf8) }, environment: environment, timeout: 60)
        }

        deinit {
            _ = try? run("gpgconf", ["--kill", "all"])
        }
    }

    /// A login docker-credential-pass holds under another spelling (`http://host/`, as an older docker or another
    /// tool wrote it): status shows it, so logout erases it (issue 25); status afterwards shows nothing.
    @Test(arguments: [#"{"credsStore": "pass"}"#, #"{"credHelpers": {"http://ghcr.example/": "pass"}}"#])
    func logoutErasesWhatPassHoldsUnderAnotherSpelling(_ config: String) throws {
        let store = try PassStore()
        let stored = try store.run(
            "docker-credential-pass", ["store"],
            stdin: #"{"ServerURL": "http://ghcr.example/", "Username": "me", "Secret": "pass-Spelling-Ok3"}"#)
        #expect(stored.exitCode == 0, "\(stored.stdout)\(stored.stderr)")
        let home = try TemporaryDirectory()
        try home.write("config.json", config)
        let before = try PolicyBinary.run(["status", "-c", home.path], environment: store.environment)
        #expect(before.stdout.contains("ghcr.example"), "\(before.stdout)\(before.stderr)")
        let logout = try PolicyBinary.run(["logout", "ghcr.example", "-c", home.path], environment: store.environment)
        #expect(logout.stdout == "Removing login credentials for ghcr.example\n", "\(logout.stdout)\(logout.stderr)")
        let listed = try store.run("docker-credential-pass", ["list"])
        #expect(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}", "\(listed.stdout)")
        let after = try PolicyBinary.run(["status", "--json", "-c", home.path], environment: store.environment)
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(after.stdout)")
    }

    @Test func loginStoresInPassTheHelperReturnsItAndLogoutErasesIt() throws {
        let password = "pass-backed secret \(UUID().uuidString.prefix(8))"
        let registries = try BasicRegistries(count: 1, user: "robot", password: password)
        let server = registries.servers[0]
        let store = try PassStore()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"auths": {}, "credsStore": "pass"}"#)

        try logIn(server, user: "robot", password: password, home: home, environment: store.environment)
        let configText = String(decoding: try home.read("config.json"), as: UTF8.self)
        #expect(!configText.contains(Data("robot:\(password)".utf8).base64EncodedString()))
        #expect(try ConfigJSON(home.read("config.json")).entry(server)?.isEmpty == true)

        let stored = try store.run("docker-credential-pass", ["get"], stdin: server)
        #expect(stored.exitCode == 0, "\(stored.stdout)\(stored.stderr)")
        let reply = try JSONSerialization.jsonObject(with: Data(stored.stdout.utf8)) as? [String: Any]
        #expect(reply?["Username"] as? String == "robot")
        #expect(reply?["Secret"] as? String == password)

        let logout = try PolicyBinary.run(["logout", server, "-c", home.path], environment: store.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout == "Removing login credentials for \(server)\n")
        // Debian's 0.6 answers an unknown server with empty fields; later versions say "credentials not found".
        let gone = try store.run("docker-credential-pass", ["get"], stdin: server)
        #expect(!gone.stdout.contains(password))
        #expect(
            gone.stdout.contains("credentials not found") || gone.stdout.contains(#""Username":"","Secret":"""#),
            "\(gone.stdout)")
        #expect(try ConfigJSON(home.read("config.json")).entry(server) == nil)

        let again = try PolicyBinary.run(["logout", server, "-c", home.path], environment: store.environment)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stdout == "Not logged in to \(server)\n")
    }

    /// config.json records a login that pass no longer holds (docker logged out, or the store was reset): pass
    /// refuses to erase what it lacks, and logout still removes the record and succeeds.
    @Test func aRecordedLoginPassNoLongerHoldsIsLoggedOut() throws {
        let store = try PassStore()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"auths": {"gone.example": {}}, "credsStore": "pass"}"#)
        let logout = try PolicyBinary.run(["logout", "gone.example", "-c", home.path], environment: store.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout == "Removing login credentials for gone.example\n")
        #expect(try ConfigJSON(home.read("config.json")).entry("gone.example") == nil)
    }

    /// pass is shared with docker: a login docker keeps there is listed by `status` as not recorded here, and
    /// `logout --all` leaves it (issue 18: it used to erase it).
    @Test func logoutAllLeavesTheLoginsDockerKeepsInPass() throws {
        let registries = try BasicRegistries(count: 1, user: "robot", password: "pw-pass-shared")
        let server = registries.servers[0]
        let store = try PassStore()
        let seeded = try store.run(
            "docker-credential-pass", ["store"],
            stdin: #"{"ServerURL": "dockers.example", "Username": "docker-user", "Secret": "pw-docker"}"#)
        #expect(seeded.exitCode == 0, "\(seeded.stdout)")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "pass"}"#)
        try logIn(server, user: "robot", password: "pw-pass-shared", home: home, environment: store.environment)
        let status = try PolicyBinary.run(["status", "--json", "-c", home.path], environment: store.environment)
        #expect(status.exitCode == 0, "\(status.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(
            rows.map { "\($0["server"] ?? "") \($0["recorded"] ?? "")" }.sorted() == [
                "\(server) 1", "dockers.example 0"
            ],
            "\(status.stdout)")
        let logout = try PolicyBinary.run(["logout", "--all", "-c", home.path], environment: store.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout == "Removing login credentials for \(server)\n")
        let listed = try store.run("docker-credential-pass", ["list"])
        #expect(listed.stdout.contains("dockers.example") && !listed.stdout.contains(server), "\(listed.stdout)")
    }

    /// The sharing case with the real tools: docker logs in to one registry with `credsStore: pass`, policy to
    /// another with the same password store; `policy logout --all` leaves docker's login, which `docker logout`
    /// then finds and removes.
    @Test(.enabled(if: DockerCLI.installed && Tools.available("docker-registry", "openssl")))
    func dockerAndPolicyShareAPassStore() throws {
        let dockersRegistry = try RegistryFixture(.basic, user: "docker-user", password: "pw-docker-side")
        let registries = try BasicRegistries(count: 1, user: "robot", password: "pw-policy-side")
        let policyServer = registries.servers[0]
        let store = try PassStore()
        let dockerHome = try TemporaryDirectory()
        try dockerHome.write("config.json", #"{"credsStore": "pass"}"#)
        let docker = try DockerCLI(configDirectory: dockerHome.path)
        try docker.trust(dockersRegistry.caFile, for: dockersRegistry.server)
        let helperPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dockerEnvironment = store.environment.merging(["PATH": helperPath]) { $1 }
        let dockerLogin = try docker.run(
            ["login", "-u", "docker-user", "--password-stdin", dockersRegistry.server],
            stdin: "pw-docker-side\n", environment: dockerEnvironment)
        #expect(dockerLogin.exitCode == 0, "\(dockerLogin.stdout)\(dockerLogin.stderr)")
        let keptByDocker = try store.run("docker-credential-pass", ["get"], stdin: dockersRegistry.server)
        #expect(keptByDocker.stdout.contains("docker-user"), "docker did not use pass: \(keptByDocker.stdout)")

        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "pass"}"#)
        try logIn(policyServer, user: "robot", password: "pw-policy-side", home: home, environment: store.environment)
        let status = try PolicyBinary.run(["status", "-c", home.path], environment: store.environment)
        #expect(status.stdout.contains("\(dockersRegistry.server) (not in config.json)"), "\(status.stdout)")
        let logout = try PolicyBinary.run(["logout", "--all", "-c", home.path], environment: store.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout == "Removing login credentials for \(policyServer)\n")

        let dockerLogout = try docker.run(["logout", dockersRegistry.server], environment: dockerEnvironment)
        #expect(dockerLogout.exitCode == 0, "\(dockerLogout.stderr)")
        #expect(
            dockerLogout.stdout.contains("Removing login credentials for \(dockersRegistry.server)"),
            "\(dockerLogout.stdout)")
        let listed = try store.run("docker-credential-pass", ["list"])
        #expect(
            listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "{}", "pass still holds \(listed.stdout)")
    }
}
