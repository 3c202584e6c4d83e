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
            try FileManager.default.createDirectory(atPath: directory.file("gnupg"), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let key = try run("gpg", ["--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                                      "--quick-generate-key", "policy test <policy-test@example.invalid>", "future-default", "default", "never"])
            guard key.exitCode == 0 else { throw FixtureError.startFailed("gpg key generation: \(key.stderr)") }
            let initialised = try run("pass", ["init", "policy-test@example.invalid"])
            guard initialised.exitCode == 0 else { throw FixtureError.startFailed("pass init: \(initialised.stderr)") }
        }

        func run(_ tool: String, _ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
            var environment = ProcessInfo.processInfo.environment
            environment.merge(self.environment) { $1 }
            let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(tool)" }
                .first { FileManager.default.isExecutableFile(atPath: $0) } ?? tool
            return try ProcessRunner.run(path, arguments, stdin: stdin.map { Data($0.utf8) }, environment: environment, timeout: 60)
        }

        deinit {
            _ = try? run("gpgconf", ["--kill", "all"])
        }
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

        let logout = try Policy.run(["logout", server, "-c", home.path], environment: store.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout == "Removing login credentials for \(server)\n")
        // Debian's 0.6 answers an unknown server with empty fields; later versions say "credentials not found".
        let gone = try store.run("docker-credential-pass", ["get"], stdin: server)
        #expect(!gone.stdout.contains(password))
        #expect(gone.stdout.contains("credentials not found") || gone.stdout.contains(#""Username":"","Secret":"""#), "\(gone.stdout)")
        #expect(try ConfigJSON(home.read("config.json")).entry(server) == nil)

        let again = try Policy.run(["logout", server, "-c", home.path], environment: store.environment)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stdout == "Not logged in to \(server)\n")
    }

    /// config.json records a login that pass no longer holds (docker logged out, or the store was reset): pass
    /// refuses to erase what it lacks, and logout still removes the record and succeeds.
    @Test func aRecordedLoginPassNoLongerHoldsIsLoggedOut() throws {
        let store = try PassStore()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"auths": {"gone.example": {}}, "credsStore": "pass"}"#)
        let logout = try Policy.run(["logout", "gone.example", "-c", home.path], environment: store.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout == "Removing login credentials for gone.example\n")
        #expect(try ConfigJSON(home.read("config.json")).entry("gone.example") == nil)
    }
}
