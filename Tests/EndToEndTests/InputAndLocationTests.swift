import Foundation
import Testing

/// Where the secret comes from and where config.json goes, through the built binary: the 1 MiB stdin cap,
/// no password source with a stdin that never closes, no -u without a terminal, `$POLICY_CONFIG_DIR`, the
/// default `~/.policy`, and an `http://` server address. Assertions are on exit codes, files and option names.
@Suite(.enabled(if: Tools.available("python3")))
struct InputAndLocationTests {
    static let user = "demo"
    static let password = "input-and-location"

    /// More than 1 MiB on stdin is refused (exit 2) before the registry is asked (nothing listens on
    /// 127.0.0.1:1, which would be exit 4).
    @Test func moreThan1MiBOnStdinIsRefused() throws {
        let home = try TemporaryDirectory()
        let huge = String(repeating: "k", count: (1 << 20) + 1)
        let result = try PolicyBinary.run(
            ["login", "-s", "127.0.0.1:1", "-u", Self.user, "--password-stdin", "-c", home.path],
            stdin: huge, timeout: 30)
        #expect(result.exitCode == 2, "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains("--password-stdin"), "\(result.stderr.prefix(500))")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    /// A secret just under the cap is read whole and sent: the registry (which wants another password) is asked.
    @Test func aSecretUnderTheCapReachesTheRegistry() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let large = String(repeating: "k", count: 60 * 1024)
        let result = try PolicyBinary.run(
            [
                "login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext",
                "-c", home.path
            ], stdin: large, timeout: 30)
        #expect(result.exitCode == 3 || result.exitCode == 4, "the registry answered, not the cap: \(result.stderr)")
    }

    /// CI jobs often leave stdin an open pipe. With no password source and no terminal, policy must not read
    /// it (it would wait forever): exit 2 at once, naming --password-stdin.
    @Test(arguments: [["-u", "demo"], []])
    func anOpenStdinPipeWithoutPasswordSourceExits2Promptly(_ username: [String]) throws {
        let home = try TemporaryDirectory()
        let started = Date()
        let result = try PolicyBinary.run(
            ["login", "-s", "127.0.0.1:1"] + username + ["-c", home.path], holdStdinOpen: true,
            timeout: 20)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(elapsed < 10, "waited \(elapsed) s on a stdin nobody writes to")
        #expect(result.stderr.contains(username.isEmpty ? "--username" : "--password-stdin"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    /// No -u and stdin not a terminal (a file here): a usage error naming --username, whatever the password source.
    @Test(arguments: [["--password-stdin"], ["-p", "pw-not-used"], []])
    func noUsernameWithoutATerminalIsAUsageError(_ passwordSource: [String]) throws {
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            ["login", "-s", "127.0.0.1:1"] + passwordSource + ["-c", home.path],
            stdin: "pw-not-used\n", timeout: 20)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--username"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    /// Without -c, `$POLICY_CONFIG_DIR` decides; HOME's ~/.policy is left alone.
    @Test func policyConfigDirIsUsedWithoutDashC() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let configDirectory = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            ["login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext"],
            stdin: Self.password,
            environment: ["HOME": home.path, "POLICY_CONFIG_DIR": configDirectory.file("nested")])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try ConfigJSON(configDirectory.read("nested/config.json")).auth(registries.servers[0]) != nil)
        #expect(!FileManager.default.fileExists(atPath: home.file(".policy")), "nothing in ~/.policy")
        let logout = try PolicyBinary.run(
            ["logout", registries.servers[0]],
            environment: ["HOME": home.path, "POLICY_CONFIG_DIR": configDirectory.file("nested")])
        #expect(logout.exitCode == 0 && logout.stdout.contains("Removing"), "\(logout.stdout)\(logout.stderr)")
        #expect(try ConfigJSON(configDirectory.read("nested/config.json")).entry(registries.servers[0]) == nil)
    }

    /// -c wins over `$POLICY_CONFIG_DIR`.
    @Test func dashCWinsOverPolicyConfigDir() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let option = try TemporaryDirectory()
        let variable = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            [
                "login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext",
                "-c", option.path
            ], stdin: Self.password, environment: ["POLICY_CONFIG_DIR": variable.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: option.file("config.json")))
        #expect(!FileManager.default.fileExists(atPath: variable.file("config.json")))
    }

    /// With neither -c nor `$POLICY_CONFIG_DIR`: `$HOME/.policy/config.json`, made 0700/0600.
    @Test func theDefaultIsDotPolicyInHome() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["POLICY_CONFIG_DIR"] = nil
        environment["HOME"] = home.path
        let result = try ProcessRunner.run(
            Paths.policyBinary,
            [
                "login", "-s", registries.servers[0], "-u", Self.user,
                "--password-stdin", "--plaintext"
            ],
            stdin: Data(Self.password.utf8), environment: environment, timeout: 60)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try ConfigJSON(home.read(".policy/config.json")).auth(registries.servers[0]) != nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: home.file(".policy"))
        #expect(attributes[.posixPermissions] as? Int == 0o700)
    }

    /// `http://HOST:PORT` means plain HTTP from the start: no HTTPS attempt, so no fallback note, and the key
    /// is stored without the scheme.
    @Test func anHTTPServerAddressTalksPlainHTTPAndIsStoredWithoutTheScheme() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let server = registries.servers[0]
        let result = try PolicyBinary.run(
            ["login", "-s", "http://\(server)/", "-u", Self.user, "--password-stdin", "-c", home.path],
            stdin: Self.password)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no fallback from HTTPS was needed: \(result.stderr)")
        let config = try ConfigJSON(home.read("config.json"))
        #expect(config.auth(server) == SecretLeaks.basic(Self.user, Self.password))
        #expect(config.root["auths"].flatMap { $0 as? [String: Any] }?.keys.sorted() == [server])
    }

    /// A config.json that is not JSON is never overwritten, even when the registry accepts the login.
    @Test func aCorruptConfigSurvivesASuccessfulVerification() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let corrupt = "{\"auths\": {\"keep.example\": {\"auth\": \"a2VlcDprZWVw\"}}"
        try home.write("config.json", corrupt)
        let result = try PolicyBinary.run(
            [
                "login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext",
                "-c", home.path
            ], stdin: Self.password)
        #expect(result.exitCode == 5, "\(result.stderr)")
        #expect(result.stderr.contains(home.file("config.json")), "\(result.stderr)")
        #expect(try home.read("config.json") == Data(corrupt.utf8))
    }
}
