import Foundation
import Testing

/// Credential helpers through the built binary, with a scripted `docker-credential-scripted` that records
/// what it receives: the secret only on stdin, config.json without a secret, the helper's own words on
/// failure, a timeout that leaves nothing running, and logout.
@Suite(.enabled(if: Tools.available("python3")))
struct CredentialHelperTests {
    static let user = "robot"
    static let password = "helper secret 42"

    func login(
        _ server: String, _ home: TemporaryDirectory, _ helper: ScriptedHelper,
        extraEnvironment: [String: String] = [:]
    ) throws -> ProcessResult {
        try PolicyBinary.run(
            ["login", "-s", server, "-u", Self.user, "--password-stdin", "--plaintext", "-c", home.path],
            stdin: Self.password, environment: helper.environment.merging(extraEnvironment) { $1 })
    }

    func logout(_ server: String, _ home: TemporaryDirectory, _ helper: ScriptedHelper) throws -> ProcessResult {
        try PolicyBinary.run(["logout", server, "-c", home.path], environment: helper.environment)
    }

    @Test(arguments: [
        #""credsStore": "scripted""#, #""credStore": "scripted""#, #""credsStore": "scripted", "credStore": "scripted""#
    ])
    func loginStoresThroughTheHelperWithTheSecretOnlyOnStdin(_ storeKey: String) throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let server = registries.servers[0]
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        let stale = Data("old:stale-secret".utf8).base64EncodedString()
        try home.write(
            "config.json",
            #"{\#(storeKey), "auths": {"\#(server)": {"auth": "\#(stale)", "email": "keep@example.com"}}}"#)
        let result = try login(server, home, helper)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Login Succeeded\n")
        #expect(helper.verbs == ["store"])
        #expect(helper.argv == ["1: store"], "the verb is the only argument")
        let payload = try JSONSerialization.jsonObject(with: Data(helper.stdin("store").utf8)) as? [String: String]
        #expect(payload == ["ServerURL": server, "Username": Self.user, "Secret": Self.password])
        #expect(!helper.environment("store").contains(Self.password), "no secret in the helper's environment")
        let configText = String(decoding: try home.read("config.json"), as: UTF8.self)
        #expect(!configText.contains(stale), "no stale secret is left beside the helper")
        #expect(!configText.contains(Data("\(Self.user):\(Self.password)".utf8).base64EncodedString()))
        #expect(
            try ConfigJSON(home.read("config.json")).entry(server) as? [String: String] == ["email": "keep@example.com"]
        )
    }

    @Test func credHelpersForTheServerWinOverCredsStore() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let server = registries.servers[0]
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "absent-store", "credHelpers": {"\#(server)": "scripted"}}"#)
        let result = try login(server, home, helper)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(helper.verbs == ["store"])
        #expect(try ConfigJSON(home.read("config.json")).entry(server)?.isEmpty == true, "auths[server] = {}")
    }

    @Test func theHelpersOwnMessageIsRelayedAndTheConfigIsUntouched() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let server = registries.servers[0]
        let helper = try ScriptedHelper(mode: "store-refused")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted", "auths": {"\#(server)": {"auth": "b2xkOm9sZA=="}}}"#)
        let before = try home.read("config.json")
        let result = try login(server, home, helper)
        #expect(result.exitCode == 5)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("docker-credential-scripted"))
        #expect(result.stderr.contains("store refused: quota exceeded"), "\(result.stderr)")
        #expect(!result.stderr.contains(Self.password))
        #expect(try home.read("config.json") == before)
    }

    /// The helper exits before reading its stdin; the failed write must not take policy down.
    @Test func aHelperThatFailsWithoutReadingIsAnErrorNotACrash() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let helper = try ScriptedHelper(mode: "fail-at-once")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted"}"#)
        for _ in 0..<5 {
            let result = try login(registries.servers[0], home, helper)
            #expect(result.exitCode == 5, "\(result.stderr)")
            #expect(result.stderr.contains("the keychain is locked"))
        }
    }

    @Test func aHangingHelperIsStoppedWithEverythingItStarted() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let helper = try ScriptedHelper(mode: "hang")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted"}"#)
        let started = Date()
        let result = try login(registries.servers[0], home, helper, extraEnvironment: ["POLICY_HELPER_TIMEOUT": "1"])
        let elapsed = Date().timeIntervalSince(started)
        // A loose bound on a tiny POLICY_HELPER_TIMEOUT: it is the configured second that ended the call.
        #expect(elapsed >= 0.8 && elapsed <= 20, "ended after \(elapsed) s with POLICY_HELPER_TIMEOUT=1")
        #expect(result.exitCode == 5)
        #expect(result.stderr.contains("within 1 second and"), "\(result.stderr)")
        #expect(try home.read("config.json") == Data(#"{"credsStore": "scripted"}"#.utf8))
        let child = Int32(
            (try? String(contentsOfFile: helper.directory.file("child.pid"), encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        #expect(child != nil, "the helper started its background child")
        if let child { #expect(processEnded(child, within: 5), "the helper's child outlived the timeout") }
    }

    struct Missing: CustomTestStringConvertible, Sendable {
        var config: String
        var mentions: [String]
        var testDescription: String { config }
    }

    static let missing: [Missing] = [
        Missing(config: #"{"credsStore": "absent"}"#, mentions: ["docker-credential-absent", "credsStore"]),
        Missing(config: #"{"credStore": "absent"}"#, mentions: ["docker-credential-absent", "credStore"]),
        Missing(
            config: #"{"credHelpers": {"127.0.0.1:1": "absent"}}"#,
            mentions: ["docker-credential-absent", #"credHelpers["127.0.0.1:1"]"#]),
        Missing(config: #"{"credsStore": "pass", "credStore": "osxkeychain"}"#, mentions: ["'pass'", "'osxkeychain'"]),
        Missing(config: #"{"credsStore": "../../bin/sh"}"#, mentions: ["'../../bin/sh'", "credsStore"])
    ]

    /// Checked before the registry is asked: nothing listens on 127.0.0.1:1.
    @Test(arguments: missing)
    func aMissingOrAmbiguousHelperExits5NamingIt(_ row: Missing) throws {
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        try home.write("config.json", row.config)
        for arguments in [["login", "-s", "127.0.0.1:1", "-u", "u", "-p", "pw"], ["logout", "-s", "127.0.0.1:1"]] {
            let result = try PolicyBinary.run(
                arguments + ["-c", home.path], environment: helper.environment, timeout: 20)
            #expect(result.exitCode == 5, "\(result.stderr)")
            for text in row.mentions { #expect(result.stderr.contains(text), "\(result.stderr)") }
            #expect(try home.read("config.json") == Data(row.config.utf8))
        }
        #expect(helper.verbs.isEmpty)
    }

    @Test func logoutErasesFromTheHelperAndTheFile() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let server = registries.servers[0]
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted", "auths": {"other.example": {}}}"#)
        #expect(try login(server, home, helper).exitCode == 0)
        let first = try logout("https://\(server)/", home, helper)
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout == "Removing login credentials for \(server)\n")
        // config.json records the login: one erase, no get first; then docker's other spellings of the server,
        // which nothing records here, are asked for (get) and found absent; then the helper's list, for any
        // other spelling it holds (status shows those, so logout removes them too).
        #expect(helper.verbs == ["store", "erase", "get", "get", "list"], "\(helper.verbs)")
        #expect(helper.stdin("get") == "http://\(server)", "the last spelling asked for")
        #expect(helper.stdin("erase") == server)
        #expect(try ConfigJSON(home.read("config.json")).entry(server) == nil)
        #expect(try ConfigJSON(home.read("config.json")).entry("other.example") != nil)
        let again = try logout(server, home, helper)
        #expect(again.exitCode == 0)
        #expect(again.stdout == "Not logged in to \(server)\n")
        #expect(
            helper.verbs == ["store", "erase", "get", "get", "list", "get", "get", "get", "list"],
            "unrecorded: get asks, for each spelling; not found is an answer, not an error")
    }

    /// A helper that refuses to erase what it lacks (as docker-credential-pass does) and a record of a login it
    /// no longer holds: the record goes, and logout succeeds.
    @Test func aRecordedLoginTheHelperNoLongerHoldsIsLoggedOut() throws {
        let helper = try ScriptedHelper(mode: "strict-erase")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted", "auths": {"gone.example": {}}}"#)
        let result = try logout("gone.example", home, helper)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Removing login credentials for gone.example\n")
        #expect(helper.verbs.prefix(2) == ["erase", "get"], "erase first; get only once it failed: \(helper.verbs)")
        #expect(try ConfigJSON(home.read("config.json")).entry("gone.example") == nil)
    }

    @Test func logoutRelaysAHelperFailure() throws {
        let helper = try ScriptedHelper(mode: "fail-at-once")
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted", "auths": {"r.example": {}}}"#)
        let result = try logout("r.example", home, helper)
        #expect(result.exitCode == 5)
        #expect(result.stderr.contains("the keychain is locked"))
        #expect(try home.read("config.json") == Data(#"{"credsStore": "scripted", "auths": {"r.example": {}}}"#.utf8))
    }
}

/// The bounds on a helper call: its output (1 MiB) and its time (`POLICY_HELPER_TIMEOUT`, 1…3600 s).
@Suite(.enabled(if: Tools.available("python3")))
struct HelperLimitsTests {
    static let user = "robot"
    static let password = "helper limits 7"

    func login(
        _ server: String, _ home: TemporaryDirectory, _ helper: ScriptedHelper,
        helperTimeout: String? = nil
    ) throws -> ProcessResult {
        var environment = helper.environment
        environment["POLICY_HELPER_TIMEOUT"] = helperTimeout
        return try PolicyBinary.run(
            ["login", "-s", server, "-u", Self.user, "--password-stdin", "--plaintext", "-c", home.path],
            stdin: Self.password, environment: environment, timeout: 60)
    }

    /// A helper that answers `store` with 2 MiB and exit 0 must not count as a successful store.
    @Test func moreThan1MiBOfHelperOutputIsAFailure() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let helper = try ScriptedHelper(mode: "flood")
        let home = try TemporaryDirectory()
        let config = #"{"credsStore": "scripted"}"#
        try home.write("config.json", config)
        let result = try login(registries.servers[0], home, helper)
        #expect(result.exitCode == 5, "\(result.stderr)")
        #expect(helper.verbs == ["store"], "the helper was called")
        #expect(result.stderr.contains("docker-credential-scripted"), "\(result.stderr)")
        #expect(result.stderr.count < 2000, "the flood is not relayed: \(result.stderr.count) characters")
        #expect(try home.read("config.json") == Data(config.utf8))
    }

    /// Outside 1…3600 (or not a whole number) is a usage error that names the variable, before any helper
    /// runs or the registry is asked (nothing listens on 127.0.0.1:1).
    @Test(arguments: ["0", "3601", "-5", "1.5", "soon", "99999999999999999999"])
    func anOutOfBoundsHelperTimeoutIsAUsageError(_ value: String) throws {
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        let config = #"{"credsStore": "scripted"}"#
        try home.write("config.json", config)
        let result = try login("127.0.0.1:1", home, helper, helperTimeout: value)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("POLICY_HELPER_TIMEOUT"), "\(result.stderr)")
        #expect(helper.verbs.isEmpty)
        #expect(try home.read("config.json") == Data(config.utf8))
    }

    @Test(arguments: ["1", "3600"])
    func theBoundsThemselvesAreAccepted(_ value: String) throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted"}"#)
        let result = try login(registries.servers[0], home, helper, helperTimeout: value)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(helper.verbs == ["store"])
    }
}
