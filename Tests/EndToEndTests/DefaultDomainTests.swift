import Foundation
import Testing

/// `-d/--default-domain` remembers a server for later commands without `-s`.
@Suite(.enabled(if: Tools.available("docker-registry", "htpasswd")))
struct DefaultDomainTests {
    @Test func loginRemembersTheServerForTheNextLogin() throws {
        let registry = try RegistryFixture(.basic, user: "demo", password: "pw-default")
        let home = try TemporaryDirectory()
        let first = try Policy.run(["login", "-s", registry.server, "-u", "demo", "--password-stdin", "--ca-file", registry.caFile,
                                    "-c", home.path, "-d"], stdin: "pw-default")
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(try home.read("default-domain.cfg") == Data(registry.server.utf8))
        #expect(try ConfigJSON(home.read("config.json")).root["defaultDomain"] == nil)
        let again = try Policy.run(["login", "-u", "demo", "--password-stdin", "--ca-file", registry.caFile, "-c", home.path],
                                   stdin: "pw-default")
        #expect(again.exitCode == 0, "\(again.stderr)")
    }

    @Test func withoutDefaultOrServerItAsksForTheServer() throws {
        let home = try TemporaryDirectory()
        let result = try Policy.run(["login", "-u", "demo", "--password-stdin", "-c", home.path], stdin: "x")
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--server"))
    }

    @Test func aFailedLoginDoesNotChangeTheDefault() throws {
        let registry = try RegistryFixture(.basic, user: "demo", password: "pw-default")
        let home = try TemporaryDirectory()
        let result = try Policy.run(["login", "-s", registry.server, "-u", "demo", "--password-stdin", "--ca-file", registry.caFile,
                                     "-c", home.path, "-d"], stdin: "wrong")
        #expect(result.exitCode == 3)
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }
}
