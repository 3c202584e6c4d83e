import Foundation
import Testing

/// `policy status` lists every stored login without printing a secret; `--verify` re-checks them;
/// `policy logout --all` removes them all, from config.json and from the helpers.
@Suite(.enabled(if: Tools.available("docker-registry", "python3")))
struct StatusTests {
    @Test func verifyFindsAPasswordChangedOnTheRegistry() throws {
        let registry = try RegistryFixture(.token, user: "demo", password: "pw-before")
        let home = try TemporaryDirectory()
        try logIn(
            registry.server, user: "demo", password: "pw-before", home: home, reach: .caFile(registry.caFile),
            arguments: ["-d"])
        let ok = try PolicyBinary.run(["status", "--verify", "--ca-file", registry.caFile, "-c", home.path])
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("\(registry.server) (default)"), "\(ok.stdout)")
        #expect(ok.stdout.contains(" ok"), "\(ok.stdout)")
        try registry.directory.write("registry/users.json", #"{"demo": "pw-after"}"#)
        let rejected = try PolicyBinary.run([
            "status", "--verify", "--json", "--ca-file", registry.caFile, "-c", home.path
        ])
        #expect(rejected.exitCode == 3, "\(rejected.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(rejected.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 1)
        #expect(rows?.first?["status"] as? String == "rejected")
        #expect(rows?.first?["server"] as? String == registry.server)
        #expect(rows?.first?["username"] as? String == "demo")
        #expect(rows?.first?["store"] as? String == "config.json")
        #expect(rows?.first?["default"] as? Bool == true)
        #expect(rows?.first?["keys"] as? [String] == [registry.server])
        #expect(rows?.first?["kind"] as? String == "password")
        #expect(rows?.first?["expires"] is NSNull)
        #expect(rows?.first?["recorded"] as? Bool == true)
        #expect(
            rows?.first.map { Set($0.keys) } == [
                "server", "keys", "username", "store", "kind", "expires", "default", "recorded", "status"
            ])
        #expect(rejected.stderr.contains("rejected"))
        #expect(!(rejected.stdout + rejected.stderr + ok.stdout).contains("pw-before"))
        registry.stop()
        let unreachable = try PolicyBinary.run([
            "status", "--verify", "--timeout", "5", "--ca-file", registry.caFile, "-c", home.path
        ])
        #expect(unreachable.exitCode == 4, "\(unreachable.stderr)")
        #expect(unreachable.stdout.contains("unreachable"))
    }

    @Test func logoutAllRemovesFileAndHelperLoginsAndKeepsEverythingElse() throws {
        let registries = try BasicRegistries(count: 2, user: "robot", password: "pw-all")
        let (fileServer, helperServer) = (registries.servers[0], registries.servers[1])
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credHelpers": {"\#(helperServer)": "scripted"}, "psFormat": "keep me"}"#)
        for server in [fileServer, helperServer] {
            try logIn(server, user: "robot", password: "pw-all", home: home, environment: helper.environment)
        }
        let status = try PolicyBinary.run(["status", "-c", home.path], environment: helper.environment)
        #expect(status.exitCode == 0, "\(status.stderr)")
        #expect(status.stdout.contains(fileServer) && status.stdout.contains("config.json"), "\(status.stdout)")
        #expect(
            status.stdout.contains(helperServer) && status.stdout.contains("docker-credential-scripted"),
            "\(status.stdout)")
        #expect(!status.stdout.contains("pw-all"))
        let logout = try PolicyBinary.run(["logout", "--all", "-c", home.path], environment: helper.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout.contains("Removing login credentials for \(fileServer)"), "\(logout.stdout)")
        #expect(logout.stdout.contains("Removing login credentials for \(helperServer)"), "\(logout.stdout)")
        let config = try ConfigJSON(home.read("config.json"))
        #expect((config.root["auths"] as? [String: Any])?.isEmpty == true)
        #expect(config.root["psFormat"] as? String == "keep me")
        #expect(config.root["credHelpers"] != nil)
        let remaining = (try? FileManager.default.contentsOfDirectory(atPath: helper.directory.file("entries"))) ?? []
        #expect(remaining.isEmpty, "the helper still holds \(remaining)")
        let after = try PolicyBinary.run(["status", "-c", home.path], environment: helper.environment)
        #expect(after.stdout.hasPrefix("No stored logins"), "\(after.stdout)")
    }

    /// A helper named for one server may hold others: docker asks a `credHelpers` helper only for its own
    /// registries (configfile TestGetAllCredentialsCredHelper), so `status` does not list them and `logout --all`,
    /// which removes only what this config records, leaves them. (Before issue 18 both did the opposite: `logout
    /// --all` erased quay.io, another tool's login.)
    @Test func aCredHelpersHelperIsAskedOnlyForItsOwnRegistries() throws {
        let helper = try ScriptedHelper()
        try helper.seed("quay.io", username: "bot", secret: "pw-quay")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"auths": {}, "credHelpers": {"ghcr.io": "scripted"}}"#)
        let status = try PolicyBinary.run(["status", "-c", home.path], environment: helper.environment)
        #expect(status.exitCode == 0, "\(status.stderr)")
        #expect(!status.stdout.contains("quay.io"), "\(status.stdout)")
        #expect(!helper.verbs.contains("list"), "\(helper.verbs)")
        let logout = try PolicyBinary.run(["logout", "--all", "-c", home.path], environment: helper.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout == "No stored logins to remove.\n", "\(logout.stdout)")
        #expect(helper.held == ["quay.io"], "another tool's login was erased")
    }

    @Test func aFileFromPolicyBefore02IsReported() throws {
        let home = try TemporaryDirectory()
        try home.write("policy-registries.yaml", "registries:\n  ghcr.io:\n    password: plain\n")
        let result = try PolicyBinary.run(["status", "-c", home.path])
        #expect(result.exitCode == 0)
        #expect(result.stderr.contains("policy-registries.yaml"), "\(result.stderr)")
        #expect(result.stderr.contains("log in to those registries again, then delete the file"))
    }
}
