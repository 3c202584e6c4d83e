import Foundation
import Testing

/// `policy login [-s SERVER]` with neither a username nor a password: the stored credentials are checked with
/// the registry, nothing is asked and nothing rewritten; stale ones fail with exit 3 and how to replace them.
@Suite(.enabled(if: Tools.available("docker-registry", "htpasswd", "python3")))
struct StoredLoginTests {
    @Test(arguments: [RegistryFixture.Mode.basic, .token])
    func storedCredentialsAreReverifiedAndNothingIsRewritten(_ mode: RegistryFixture.Mode) throws {
        let registry = try RegistryFixture(mode, user: "demo", password: "pw-stored")
        let home = try TemporaryDirectory()
        try logIn(registry.server, user: "demo", password: "pw-stored", home: home, reach: .caFile(registry.caFile))
        let before = try home.read("config.json")
        let modified =
            try FileManager.default.attributesOfItem(atPath: home.file("config.json"))[.modificationDate] as? Date
        let again = try PolicyBinary.run(["login", "-s", registry.server, "--ca-file", registry.caFile, "-c", home.path]
        )
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stdout == "Login Succeeded\n")
        #expect(again.stderr.contains("Authenticating with existing credentials (user demo)"), "\(again.stderr)")
        #expect(!again.stderr.contains("pw-stored"))
        #expect(try home.read("config.json") == before)
        #expect(
            try FileManager.default.attributesOfItem(atPath: home.file("config.json"))[.modificationDate] as? Date
                == modified)
        if mode == .token {
            #expect(registry.tokenRequests().filter { $0["authorization_scheme"] as? String == "Basic" }.count == 2)
        }
    }

    @Test func rejectedStoredCredentialsExit3AndSayHowToReplaceThem() throws {
        let registry = try RegistryFixture(.basic, user: "demo", password: "pw-now")
        let home = try TemporaryDirectory()
        let stale =
            #"{"auths": {"\#(registry.server)": {"auth": "\#(Data("demo:pw-before".utf8).base64EncodedString())"}}}"#
        try home.write("config.json", stale)
        let result = try PolicyBinary.run([
            "login", "-s", "https://\(registry.server)/", "--ca-file", registry.caFile, "-c", home.path
        ])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("stored credentials of 'demo'"), "\(result.stderr)")
        #expect(
            result.stderr.contains("policy login -s \(registry.server) -u USER --password-stdin"), "\(result.stderr)")
        #expect(!result.stderr.contains("pw-before"))
        #expect(try home.read("config.json") == Data(stale.utf8))
    }

    /// Credentials a helper holds are re-verified the same way: fetched with `get`, never rewritten.
    @Test func credentialsAHelperHoldsAreReverified() throws {
        let registries = try BasicRegistries(count: 1, user: "robot", password: "pw-helper")
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted"}"#)
        try logIn(
            registries.servers[0], user: "robot", password: "pw-helper", home: home, environment: helper.environment)
        let again = try PolicyBinary.run(
            ["login", "-s", registries.servers[0], "--plaintext", "-c", home.path], environment: helper.environment)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stderr.contains("Authenticating with existing credentials (user robot)"), "\(again.stderr)")
        #expect(helper.verbs == ["store", "get"], "\(helper.verbs)")
    }

    /// On a terminal, rejected stored credentials are followed by a prompt for new ones, as docker does.
    @Test func onATerminalRejectedStoredCredentialsAskForNewOnes() throws {
        let registry = try RegistryFixture(.basic, user: "demo", password: "pw-now")
        let home = try TemporaryDirectory()
        try home.write(
            "config.json",
            #"{"auths": {"\#(registry.server)": {"auth": "\#(Data("demo:pw-before".utf8).base64EncodedString())"}}}"#)
        let session = try Terminal.run(
            ["login", "-s", registry.server, "--ca-file", registry.caFile, "-c", home.path],
            answers: [("Username: ", "demo\n"), ("Password: ", "pw-now\n")])
        #expect(session.exitCode == 0, "\(session.output)")
        #expect(session.unanswered.isEmpty, "\(session.output)")
        #expect(session.output.contains("stored credentials of 'demo'"), "\(session.output)")
        #expect(session.output.contains("Login Succeeded"))
        #expect(
            try ConfigJSON(home.read("config.json")).auth(registry.server)
                == Data("demo:pw-now".utf8).base64EncodedString())
    }

    /// New credentials always win, and the stale ones are not even tried first (an expired ECR entry must
    /// never block a fresh login): the token service sees exactly one Basic request, with the new password.
    @Test func newCredentialsReplaceStoredOnesWithoutTryingThem() throws {
        let registry = try RegistryFixture(.token, user: "demo", password: "pw-now")
        let home = try TemporaryDirectory()
        try home.write(
            "config.json",
            #"{"auths": {"https://\#(registry.server)/v2/": {"auth": "\#(Data("demo:pw-before".utf8).base64EncodedString())"}}}"#
        )
        let result = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", "demo", "--password-stdin", "--ca-file", registry.caFile,
                "-c", home.path
            ], stdin: "pw-now")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("existing credentials"))
        #expect(registry.tokenRequests().filter { $0["authorization_scheme"] as? String == "Basic" }.count == 1)
        // The entry another tool wrote with a scheme and a path is replaced by the plain key.
        let auths = try ConfigJSON(home.read("config.json")).root["auths"] as? [String: Any]
        #expect(auths?.keys.sorted() == [registry.server])
    }

    /// A config.json that a real `docker login` wrote: docker keeps an identity token (OAuth2 refresh token), not
    /// the password. policy exchanges it at the token service (POST, grant_type=refresh_token) and rewrites nothing.
    @Test(.enabled(if: DockerCLI.installed))
    func anIdentityTokenDockerStoredIsReverified() throws {
        let registry = try RegistryFixture(.token, user: "demo", password: "pw-docker")
        let home = try TemporaryDirectory()
        let docker = try DockerCLI(configDirectory: home.path)
        try docker.trust(registry.caFile, for: registry.server)
        let dockerLogin = try docker.run(
            ["login", "-u", "demo", "--password-stdin", registry.server], stdin: "pw-docker\n")
        #expect(dockerLogin.exitCode == 0, "\(dockerLogin.stderr)")
        let written = try home.read("config.json")
        #expect(
            try ConfigJSON(written).entry(registry.server)?["identitytoken"] is String,
            "docker stored no identity token")
        let result = try PolicyBinary.run([
            "login", "-s", registry.server, "--ca-file", registry.caFile, "-c", home.path, "--debug"
        ])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(user demo)"))
        #expect(result.stderr.contains("> POST https://"), "the exchange is traced: \(result.stderr)")
        let identityToken = try #require(try ConfigJSON(written).entry(registry.server)?["identitytoken"] as? String)
        SecretLeaks.expectNone(in: result, secrets: [identityToken] + registry.issuedTokens())
        #expect(try home.read("config.json") == written)
        let exchanges = registry.tokenRequests().filter { $0["method"] as? String == "POST" }
        #expect(exchanges.count == 1)
        #expect(exchanges.first?["grant_type"] as? String == "refresh_token")
    }

    @Test func anIdentityTokenTheTokenServiceNeverIssuedExits3() throws {
        let registry = try RegistryFixture(.token, user: "demo", password: "pw-docker")
        let home = try TemporaryDirectory()
        let config =
            #"{"auths": {"\#(registry.server)": {"auth": "ZGVtbzo=", "identitytoken": "refresh-forged-0123"}}}"#
        try home.write("config.json", config)
        let result = try PolicyBinary.run(["login", registry.server, "--ca-file", registry.caFile, "-c", home.path])
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("stored credentials"))
        #expect(!result.stderr.contains("refresh-forged-0123"))
        #expect(try home.read("config.json") == Data(config.utf8))
    }
}
