import Foundation
import Testing

/// `-d/--default-domain` remembers a server for later commands without `-s`.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "htpasswd", "openssl", "python3")))
struct DefaultDomainTests {
    @Test func loginRemembersTheServerForTheNextLogin() throws {
        let registry = try RegistryFixture(.basic, user: "demo", password: "pw-default")
        let home = try TemporaryDirectory()
        try logIn(
            registry.server, user: "demo", password: "pw-default", home: home, reach: .caFile(registry.caFile),
            arguments: ["-d"])
        #expect(try home.read("default-domain.cfg") == Data(registry.server.utf8))
        #expect(try ConfigJSON(home.read("config.json")).root["defaultDomain"] == nil)
        let again = try PolicyBinary.run(
            ["login", "-u", "demo", "--password-stdin", "--ca-file", registry.caFile, "-c", home.path],
            stdin: "pw-default")
        #expect(again.exitCode == 0, "\(again.stderr)")
    }

    /// default-domain.cfg is where the policy CLI reads it: the server alone, mode 0600.
    @Test func theDefaultLivesInItsOwnFile() throws {
        let registries = try BasicRegistries(count: 1, user: "demo", password: "pw-default")
        let home = try TemporaryDirectory()
        let login = try PolicyBinary.run(
            [
                "login", "-s", "http://\(registries.servers[0])/", "-u", "demo", "--password-stdin",
                "-c", home.path, "-d"
            ], stdin: "pw-default")
        #expect(login.exitCode == 0, "\(login.stderr)")
        #expect(try home.read("default-domain.cfg") == Data(registries.servers[0].utf8))
        let mode =
            try FileManager.default.attributesOfItem(atPath: home.file("default-domain.cfg"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A `defaultDomain` key an earlier version wrote into config.json is honoured while the file is absent,
    /// and moved to the file by the next `login -d`.
    @Test func theKeyAnEarlierVersionWroteIsHonouredThenMoved() throws {
        let registries = try BasicRegistries(count: 2, user: "demo", password: "pw-default")
        let (old, new) = (registries.servers[0], registries.servers[1])
        let home = try TemporaryDirectory()
        let auth = Data("demo:pw-default".utf8).base64EncodedString()
        try home.write("config.json", #"{"auths": {"\#(old)": {"auth": "\#(auth)"}}, "defaultDomain": "\#(old)"}"#)
        let relogin = try PolicyBinary.run(["login", "--plaintext", "-c", home.path])
        #expect(relogin.exitCode == 0, "\(relogin.stderr)")
        #expect(
            relogin.stderr.contains("existing credentials (user demo)"),
            "the legacy default was not used: \(relogin.stderr)")
        let moved = try PolicyBinary.run(
            ["login", "-s", new, "-u", "demo", "--password-stdin", "--plaintext", "-c", home.path, "-d"],
            stdin: "pw-default")
        #expect(moved.exitCode == 0, "\(moved.stderr)")
        #expect(try home.read("default-domain.cfg") == Data(new.utf8))
        #expect(try ConfigJSON(home.read("config.json")).root["defaultDomain"] == nil)
        let logout = try PolicyBinary.run(["logout", "-c", home.path])
        #expect(logout.stdout.contains(new), "\(logout.stdout)")
    }

    /// `login -d` on the re-verification path moves the legacy key too, once the file holds the default.
    @Test func reverifyingWithDMovesTheLegacyKey() throws {
        let registries = try BasicRegistries(count: 1, user: "demo", password: "pw-default")
        let server = registries.servers[0]
        let home = try TemporaryDirectory()
        let auth = Data("demo:pw-default".utf8).base64EncodedString()
        try home.write(
            "config.json", #"{"auths": {"\#(server)": {"auth": "\#(auth)"}}, "defaultDomain": "\#(server)"}"#)
        let result = try PolicyBinary.run(["login", "-s", server, "--plaintext", "-d", "-c", home.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try home.read("default-domain.cfg") == Data(server.utf8))
        #expect(try ConfigJSON(home.read("config.json")).root["defaultDomain"] == nil)
        #expect(try ConfigJSON(home.read("config.json")).auth(server) == auth)
    }

    @Test func withoutDefaultOrServerItAsksForTheServer() throws {
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(["login", "-u", "demo", "--password-stdin", "-c", home.path], stdin: "x")
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--server"))
    }

    /// Starts WITH a default (set by `login -d`, wherever policy keeps it), then fails a login with `-d` to
    /// another server; the default is read back through behaviour (`logout` without `-s`), not from a file.
    @Test func aFailedLoginDoesNotChangeTheDefault() throws {
        let registries = try BasicRegistries(count: 2, user: "demo", password: "pw-default")
        let (first, second) = (registries.servers[0], registries.servers[1])
        let home = try TemporaryDirectory()
        for server in [second, first] {  // the last -d wins: `first` is the default
            try logIn(server, user: "demo", password: "pw-default", home: home, arguments: ["-d"])
        }
        let failed = try PolicyBinary.run(
            ["login", "-s", second, "-u", "demo", "--password-stdin", "--plaintext", "-c", home.path, "-d"],
            stdin: "wrong")
        #expect(failed.exitCode == 3, "\(failed.stderr)")
        let logout = try PolicyBinary.run(["logout", "-c", home.path])
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(
            logout.stdout.contains(first) && !logout.stdout.contains(second),
            "the default is still \(first): \(logout.stdout)")
        let config = try ConfigJSON(home.read("config.json"))
        #expect(config.entry(first) == nil, "logout without -s removed the default server's login")
        #expect(config.entry(second) != nil, "the server of the failed login is still logged in")
    }
}
