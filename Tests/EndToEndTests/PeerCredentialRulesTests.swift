import Foundation
import Testing

/// The peers' own test cases for reading, listing and removing stored credentials — docker/cli
/// (`cli/config/configfile/file_test.go` GetAllCredentials*, `cli/config/credentials/native_store_test.go`,
/// `file_store_test.go`, `cli/command/registry/login_test.go`), docker-credential-helpers (`client/client_test.go`)
/// and containers/image (`pkg/docker/config/config_test.go` and its test helpers) — ported as rows and run through
/// the built binary against scripted helpers. Each row names the test it comes from; where policy differs on
/// purpose, the row says why. The rows marked "issue 18" are what went wrong before that issue.
@Suite(.enabled(if: Tools.available("python3")))
struct PeerCredentialRulesTests {
    /// A login a helper holds before the command runs (docker's, or policy's own).
    struct Seed: Sendable {
        var server: String
        var username: String
        var secret: String
    }

    /// A scripted `docker-credential-<name>` with its behaviours (see `credential_helper.sh`) and its keychain.
    struct Helper: Sendable {
        var name: String
        var mode = ""
        var seeds: [Seed] = []
        /// Servers it must hold afterwards; nil: not checked.
        var holdsAfter: [String]?
        /// Verbs it must never have been called with.
        var neverCalled: [String] = []
    }

    /// One login `status --json` must list.
    struct Listed: Sendable, Equatable, CustomStringConvertible {
        var server: String
        var username: String?
        var store: String?
        var recorded: Bool
        var kind: String? = "password"
        var status: String?
        var description: String {
            "\(server) \(username ?? "-") \(store ?? "-") \(recorded ? "recorded" : "not recorded") \(kind ?? "-") \(status ?? "-")"
        }
    }

    struct Row: Sendable, CustomTestStringConvertible {
        /// The peer test (or "issue 18: …") the row comes from.
        var source: String
        /// Where policy differs from the peer on purpose, and why.
        var differs: String?
        var config: String
        var helpers: [Helper] = []
        /// `{registry}` in `config` and `command` becomes a Basic registry on 127.0.0.1 that knows `registryUser`
        /// with `registryPassword` (plain HTTP).
        var usesRegistry = false
        var command: [String]
        var exitCode: Int32
        /// For `status --json`: every row it must print, in order.
        var listed: [Listed]?
        var stdout: [String] = []
        var stderr: [String] = []
        var stderrLacks: [String] = []
        /// The `auths` keys config.json must hold afterwards; nil: not checked.
        var authsAfter: [String]?
        var testDescription: String { source }
    }

    static let registryUser = "my-username"
    static let registryPassword = "a-password"

    static func auth(_ user: String, _ password: String) -> String {
        Data("\(user):\(password)".utf8).base64EncodedString()
    }
    static func auth(_ user: String, bytes: [UInt8]) -> String {
        Data(Array("\(user):".utf8) + bytes).base64EncodedString()
    }
    static func store(_ name: String) -> String { "docker-credential-\(name)" }

    static let rows: [Row] = [
        // docker/cli cli/config/configfile/file_test.go
        Row(
            source: "docker/cli configfile TestGetAllCredentialsFileStoreOnly",
            config: #"{"auths": {"example.com/foo": {"auth": "\#(auth("user", "pass"))"}}}"#,
            command: ["status", "--json"], exitCode: 0,
            listed: [Listed(server: "example.com/foo", username: "user", store: "config.json", recorded: true)]),
        Row(
            source: "docker/cli configfile TestLoadFromReaderWithUsernamePassword",
            config: #"{"auths": {"example.com/foo": {"username": "user", "password": "pass"}}}"#,
            command: ["status", "--json"], exitCode: 0,
            listed: [Listed(server: "example.com/foo", username: "user", store: "config.json", recorded: true)]),
        Row(
            source: "docker/cli configfile TestGetAllCredentialsCredsStore",
            differs:
                "docker lists the helper's login as its own; policy marks it as not recorded by this config, so that logout --all leaves it",
            config: #"{"credsStore": "test_creds_store"}"#,
            helpers: [
                Helper(name: "test_creds_store", seeds: [Seed(server: "example.com", username: "user", secret: "pass")])
            ],
            command: ["status", "--json"], exitCode: 0,
            listed: [Listed(server: "example.com", username: "user", store: store("test_creds_store"), recorded: false)]
        ),
        Row(
            source: "docker/cli configfile TestGetAllCredentialsCredStoreErrorHandling",
            differs:
                "docker logs the broken helper and exits 0; policy warns naming it and exits 5: the list is incomplete",
            config:
                #"{"credHelpers": {"working-helper.example.com": "cred_helper", "broken-helper.example.com": "broken_cred_helper"}}"#,
            helpers: [
                Helper(
                    name: "cred_helper",
                    seeds: [Seed(server: "working-helper.example.com", username: "username", secret: "pass")]),
                Helper(name: "broken_cred_helper", mode: "fail-at-once")
            ],
            command: ["status", "--json"], exitCode: 5,
            listed: [
                Listed(
                    server: "working-helper.example.com", username: "username", store: store("cred_helper"),
                    recorded: true)
            ],
            stderr: ["docker-credential-broken_cred_helper", "the keychain is locked", "broken-helper.example.com"]),
        Row(
            source:
                "docker/cli configfile TestGetAllCredentialsCredHelper (issue 18: credHelpers without an auths key)",
            config: #"{"credHelpers": {"credhelper.com": "test_cred_helper"}}"#,
            helpers: [
                Helper(
                    name: "test_cred_helper",
                    seeds: [
                        Seed(server: "credhelper.com", username: "cred_helper_user", secret: "cred_helper_pass"),
                        Seed(server: "somethingweird.com", username: "file_store_user", secret: "file_store_pass")
                    ],
                    neverCalled: ["list"])
            ],
            command: ["status", "--json"], exitCode: 0,
            listed: [
                Listed(
                    server: "credhelper.com", username: "cred_helper_user", store: store("test_cred_helper"),
                    recorded: true)
            ]),
        Row(
            source: "docker/cli configfile TestGetAllCredentialsFileStoreAndCredHelper",
            config:
                #"{"auths": {"example.com": {"auth": "\#(auth("file_store_user", "file_store_pass"))"}}, "credHelpers": {"credhelper.com": "test_cred_helper"}}"#,
            helpers: [
                Helper(
                    name: "test_cred_helper",
                    seeds: [Seed(server: "credhelper.com", username: "cred_helper_user", secret: "p")],
                    neverCalled: ["list"])
            ],
            command: ["status", "--json"], exitCode: 0,
            listed: [
                Listed(
                    server: "credhelper.com", username: "cred_helper_user", store: store("test_cred_helper"),
                    recorded: true),
                Listed(server: "example.com", username: "file_store_user", store: "config.json", recorded: true)
            ]),
        Row(
            source: "docker/cli configfile TestGetAllCredentialsCredStoreAndCredHelper",
            config: #"{"credsStore": "test_creds_store", "credHelpers": {"credhelper.com": "test_cred_helper"}}"#,
            helpers: [
                Helper(
                    name: "test_creds_store",
                    seeds: [Seed(server: "credstore.com", username: "cred_store_user", secret: "p")]),
                Helper(
                    name: "test_cred_helper",
                    seeds: [Seed(server: "credhelper.com", username: "cred_helper_user", secret: "p")],
                    neverCalled: ["list"])
            ],
            command: ["status", "--json"], exitCode: 0,
            listed: [
                Listed(
                    server: "credhelper.com", username: "cred_helper_user", store: store("test_cred_helper"),
                    recorded: true),
                Listed(
                    server: "credstore.com", username: "cred_store_user", store: store("test_creds_store"),
                    recorded: false)
            ]),
        Row(
            source:
                "docker/cli configfile TestGetAllCredentialsCredHelperOverridesDefaultStore (issue 18: the credsStore entry docker would not use)",
            config: #"{"credsStore": "test_creds_store", "credHelpers": {"example.com": "test_cred_helper"}}"#,
            helpers: [
                Helper(
                    name: "test_creds_store",
                    seeds: [Seed(server: "example.com", username: "cred_store_user", secret: "p")]),
                Helper(
                    name: "test_cred_helper",
                    seeds: [Seed(server: "example.com", username: "cred_helper_user", secret: "p")])
            ],
            command: ["status", "--json"], exitCode: 0,
            listed: [
                Listed(
                    server: "example.com", username: "cred_helper_user", store: store("test_cred_helper"),
                    recorded: true)
            ]),

        // docker/cli cli/config/credentials/native_store_test.go
        Row(
            source: "docker/cli native_store TestNativeStoreGetIdentityToken",
            config: #"{"credHelpers": {"example.com:5002": "scripted"}}"#,
            helpers: [
                Helper(
                    name: "scripted", seeds: [Seed(server: "example.com:5002", username: "<token>", secret: "abcd1234")]
                )
            ],
            command: ["status", "--json"], exitCode: 0,
            listed: [
                Listed(
                    server: "example.com:5002", username: "<token>", store: store("scripted"), recorded: true,
                    kind: "identity token")
            ]),
        Row(
            source: "docker/cli native_store TestNativeStoreGetMissingCredentials",
            config: #"{"credsStore": "scripted"}"#, helpers: [Helper(name: "scripted")],
            command: ["logout", "missing.docker.io"], exitCode: 0, stdout: ["Not logged in to missing.docker.io\n"]),
        Row(
            source: "docker/cli native_store TestNativeStoreGetInvalidAddress",
            differs:
                "the failure is a warning naming the helper and exit 5, and the server is not claimed to be logged out",
            config: #"{"credHelpers": {"foobar.example.com": "scripted"}}"#,
            helpers: [
                Helper(
                    name: "scripted", mode: "fail-get",
                    seeds: [Seed(server: "foobar.example.com", username: "foo", secret: "bar")])
            ],
            command: ["status", "--json", "foobar.example.com"], exitCode: 5, listed: [],
            stderr: ["program failed", "docker-credential-scripted"]),
        Row(
            source: "docker/cli native_store TestNativeStoreErase",
            config:
                #"{"credsStore": "scripted", "auths": {"https://index.docker.io/v1": {"email": "foo@example.com"}}}"#,
            helpers: [
                Helper(
                    name: "scripted",
                    seeds: [Seed(server: "https://index.docker.io/v1", username: "foo", secret: "bar")], holdsAfter: [])
            ],
            command: ["logout", "--all"], exitCode: 0, stdout: ["Removing login credentials for docker.io\n"],
            authsAfter: []),
        Row(
            source: "docker/cli native_store TestNativeStoreEraseInvalidAddress",
            config: #"{"credsStore": "scripted", "auths": {"foobar.example.com": {}}}"#,
            helpers: [Helper(name: "scripted", mode: "fail-at-once")],
            command: ["logout", "foobar.example.com"], exitCode: 5, stderr: ["the keychain is locked"],
            authsAfter: ["foobar.example.com"]),

        // docker/cli cli/config/credentials/file_store_test.go
        Row(
            source: "docker/cli file_store TestFileStoreErase",
            config:
                #"{"auths": {"https://example.com": {"auth": "c3VwZXJfc2VjcmV0X3Rva2Vu", "email": "foo@example.com"}}}"#,
            command: ["logout", "example.com"], exitCode: 0, stdout: ["Removing login credentials for example.com\n"],
            authsAfter: []),
        Row(
            source: "docker/cli file_store TestConvertToHostname (https://example.com:6555/v2/)",
            config:
                #"{"auths": {"https://example.com:6555/v2/": {"auth": "\#(auth("u", "p"))"}, "example.com": {"auth": "\#(auth("v", "q"))"}}}"#,
            command: ["logout", "example.com:6555"], exitCode: 0, authsAfter: ["example.com"]),

        // docker/cli cli/command/registry/login_test.go
        Row(
            source: "docker/cli login TestRunLogin (valid auth from store)",
            config: #"{"auths": {"{registry}": {"auth": "\#(auth(registryUser, registryPassword))"}}}"#,
            usesRegistry: true,
            command: ["login", "-s", "{registry}", "--plaintext"], exitCode: 0, stdout: ["Login Succeeded\n"],
            stderr: ["Authenticating with existing credentials (user my-username)"]),
        Row(
            source: "docker/cli login TestRunLogin (expired auth from store)",
            differs:
                "docker asks on a terminal and fails without one; policy without one says the stored credentials were rejected (exit 3)",
            config: #"{"auths": {"{registry}": {"auth": "\#(auth(registryUser, "I_M_EXPIRED"))"}}}"#,
            usesRegistry: true,
            command: ["login", "-s", "{registry}", "--plaintext"], exitCode: 3,
            stderr: ["rejected the stored credentials of 'my-username'"]),
        Row(
            source: "docker/cli login TestRunLogin (store valid username and password), with a credsStore",
            config: #"{"credsStore": "scripted"}"#, helpers: [Helper(name: "scripted", holdsAfter: ["{registry}"])],
            usesRegistry: true,
            command: ["login", "-s", "{registry}", "-u", registryUser, "-p", registryPassword, "--plaintext"],
            exitCode: 0,
            stdout: ["Login Succeeded\n"], authsAfter: ["{registry}"]),
        Row(
            source: "docker/cli login TestLoginNonInteractive (w/o user w/ pass)",
            config: "{}", command: ["login", "-s", "my-registry.com", "-p", "my-password"], exitCode: 2,
            stderr: ["--username"]),
        Row(
            source: "docker/cli login TestRunLogin (sanitizes server address to remove repo)",
            differs:
                "a path is not part of a registry address: policy refuses it (exit 2) rather than guess the registry",
            config: "{}", command: ["login", "-s", "registry-1.docker.io/bork/test", "-u", "u", "-p", "p"], exitCode: 2,
            stderr: ["'/bork/test'"]),

        // docker-credential-helpers client/client_test.go
        Row(
            source: "docker-credential-helpers client TestGet (missing credentials)",
            config: #"{"credHelpers": {"missing.docker.io": "scripted"}}"#, helpers: [Helper(name: "scripted")],
            command: ["status", "--json"], exitCode: 0, listed: []),
        Row(
            source: "docker-credential-helpers client TestList",
            config: #"{"credsStore": "scripted"}"#,
            helpers: [
                Helper(
                    name: "scripted",
                    seeds: [Seed(server: "https://index.docker.io/v1", username: "linus", secret: "s")])
            ],
            command: ["status", "--json"], exitCode: 0,
            listed: [Listed(server: "docker.io", username: "linus", store: store("scripted"), recorded: false)]),
        Row(
            source: "docker-credential-helpers client TestErase (invalid server: program failed)",
            config: #"{"credHelpers": {"foobar.example.com": "scripted"}, "auths": {"foobar.example.com": {}}}"#,
            helpers: [Helper(name: "scripted", mode: "fail-at-once")],
            command: ["logout", "--all"], exitCode: 5, stderr: ["foobar.example.com", "the keychain is locked"],
            authsAfter: ["foobar.example.com"]),

        // containers/image pkg/docker/config/config_test.go and its helpers
        Row(
            source: "containers/image docker-credential-helper-registry: get answers {} (issue 18)",
            config: #"{"credHelpers": {"registry-c.com": "helper-registry"}}"#,
            helpers: [Helper(name: "helper-registry", mode: "get-empty-object")],
            command: ["status", "--json"], exitCode: 0, listed: [], stderrLacks: ["WARNING"]),
        Row(
            source: "containers/image docker-credential-helper-registry: get answers {}, logout (issue 18)",
            config: #"{"credsStore": "helper-registry"}"#,
            helpers: [Helper(name: "helper-registry", mode: "get-empty-object")],
            command: ["logout", "registry-c.com"], exitCode: 0, stdout: ["Not logged in to registry-c.com\n"]),
        Row(
            source: "containers/image docker-credential-mock-helper: get answers empty Username and Secret",
            config: #"{"credHelpers": {"registry-c.com": "mock-helper"}}"#,
            helpers: [Helper(name: "mock-helper", mode: "get-empty-fields")],
            command: ["status", "--json", "registry-c.com"], exitCode: 3,
            listed: [Listed(server: "registry-c.com", recorded: false, kind: nil, status: "not logged in")]),
        Row(
            source: "containers/image docker-credential-helper-registry: list not implemented",
            differs:
                "docker's GetAll fails as a whole; policy still asks for the logins this config records, and warns",
            config: #"{"credsStore": "helper-registry", "auths": {"registry-a.com": {}}}"#,
            helpers: [
                Helper(
                    name: "helper-registry", mode: "no-list",
                    seeds: [Seed(server: "registry-a.com", username: "foo", secret: "bar")])
            ],
            command: ["status", "--json"], exitCode: 5,
            listed: [
                Listed(server: "registry-a.com", username: "foo", store: store("helper-registry"), recorded: true)
            ],
            stderr: ["not implemented"]),
        Row(
            source: "containers/image TestRemoveAuthentication (namespaced keys stay)",
            config:
                #"{"auths": {"quay.io/a/b/c": {"auth": "ZXhhbXBsZTpvcmc="}, "quay.io/a": {"auth": "ZXhhbXBsZTpvcmc="}, "quay.io": {"auth": "ZXhhbXBsZTpvcmc="}, "my-registry.local": {"auth": "ZXhhbXBsZTpvcmc="}}}"#,
            command: ["logout", "quay.io"], exitCode: 0, authsAfter: ["my-registry.local", "quay.io/a", "quay.io/a/b/c"]
        ),
        Row(
            source: "containers/image TestRemoveAuthentication (quay.io/user/image: not logged in)",
            differs: "a repository is not a registry address: policy refuses it (exit 2) and changes nothing",
            config: #"{"auths": {"quay.io": {"auth": "ZXhhbXBsZTpvcmc="}}}"#,
            command: ["logout", "quay.io/user/image"], exitCode: 2, authsAfter: ["quay.io"]),

        // Issue 18: what went wrong
        Row(
            source: "issue 18: logout --all leaves the logins a shared credsStore holds for other tools",
            config: #"{"credsStore": "scripted", "auths": {"mine.example": {}}}"#,
            helpers: [
                Helper(
                    name: "scripted",
                    seeds: [
                        Seed(server: "mine.example", username: "me", secret: "p1"),
                        Seed(server: "dockers.example", username: "docker-user", secret: "p2")
                    ],
                    holdsAfter: ["dockers.example"])
            ],
            command: ["logout", "--all"], exitCode: 0, stdout: ["Removing login credentials for mine.example\n"],
            authsAfter: []),
        Row(
            source: "issue 18: status marks a shared helper's other logins",
            config: #"{"credsStore": "scripted", "auths": {"mine.example": {}}}"#,
            helpers: [
                Helper(
                    name: "scripted",
                    seeds: [
                        Seed(server: "mine.example", username: "me", secret: "p1"),
                        Seed(server: "dockers.example", username: "docker-user", secret: "p2")
                    ])
            ],
            command: ["status"], exitCode: 0, stdout: ["dockers.example (not in config.json)", "mine.example  "]),
        Row(
            source: "issue 18: logout --all removes plain-text auths beside a credsStore",
            config:
                #"{"credsStore": "scripted", "auths": {"plain.example": {"auth": "\#(auth("u", "plain-secret"))"}}}"#,
            helpers: [Helper(name: "scripted")],
            command: ["logout", "--all"], exitCode: 0, stdout: ["Removing login credentials for plain.example\n"],
            authsAfter: []),
        Row(
            source: "issue 18: status notes a plain-text secret docker does not use",
            config:
                #"{"credsStore": "scripted", "auths": {"plain.example": {"auth": "\#(auth("u", "plain-secret"))"}}}"#,
            helpers: [Helper(name: "scripted")],
            command: ["status"], exitCode: 0, stderr: ["plain-text secret for plain.example that docker does not use"]),
        Row(
            source: "issue 18: an entry whose password is not UTF-8 is listed",
            config: #"{"auths": {"bytes.example": {"auth": "\#(auth("u", bytes: [0x70, 0xFF, 0xFE]))"}}}"#,
            command: ["status", "--json"], exitCode: 0,
            listed: [Listed(server: "bytes.example", username: "u", store: "config.json", recorded: true)]),
        Row(
            source: "issue 18: logout --all removes an entry whose password is not UTF-8",
            config: #"{"auths": {"bytes.example": {"auth": "\#(auth("u", bytes: [0x70, 0xFF, 0xFE]))"}}}"#,
            command: ["logout", "--all"], exitCode: 0, stdout: ["Removing login credentials for bytes.example\n"],
            authsAfter: []),
        Row(
            source: "issue 18: a missing credHelpers helper of another registry stops nothing else",
            config:
                #"{"credHelpers": {"gcr.io": "absent"}, "auths": {"a.example": {"auth": "\#(auth("u", "pa"))"}, "b.example": {"auth": "\#(auth("u", "pb"))"}}}"#,
            command: ["logout", "--all"], exitCode: 5,
            stdout: ["Removing login credentials for a.example\nRemoving login credentials for b.example\n"],
            stderr: ["gcr.io", "docker-credential-absent"], authsAfter: []),
        Row(
            source: "issue 18: a missing credHelpers helper affects only its registries in status",
            config: #"{"credHelpers": {"gcr.io": "absent"}, "auths": {"a.example": {"auth": "\#(auth("u", "pa"))"}}}"#,
            command: ["status", "--json"], exitCode: 5,
            listed: [Listed(server: "a.example", username: "u", store: "config.json", recorded: true)],
            stderr: ["docker-credential-absent", "gcr.io"]),
        Row(
            source: "issue 18: status SERVER without a login is a row of its own and exit 3",
            config: #"{"auths": {"a.example": {"auth": "\#(auth("u", "pa"))"}}}"#,
            command: ["status", "ghcr.example"], exitCode: 3, stdout: ["ghcr.example", "not logged in"],
            stderr: ["Not logged in to ghcr.example"]),
        Row(
            source: "issue 18: status --verify SERVER without a login says so and exits 3",
            config: "{}", command: ["status", "--verify", "--json", "ghcr.example"], exitCode: 3,
            listed: [Listed(server: "ghcr.example", recorded: false, kind: nil, status: "not logged in")]),
        Row(
            source: "issue 18: logout HOST erases the helper's https://HOST",
            config: #"{"credsStore": "scripted"}"#,
            helpers: [
                Helper(
                    name: "scripted", seeds: [Seed(server: "https://h.example", username: "u", secret: "p")],
                    holdsAfter: [])
            ],
            command: ["logout", "h.example"], exitCode: 0, stdout: ["Removing login credentials for h.example\n"]),
        Row(
            source: "issue 18: a failed get does not prevent the erase",
            config: #"{"credsStore": "scripted"}"#,
            helpers: [
                Helper(
                    name: "scripted", mode: "fail-get", seeds: [Seed(server: "h.example", username: "u", secret: "p")],
                    holdsAfter: [])
            ],
            command: ["logout", "h.example"], exitCode: 0, stdout: ["Removing login credentials for h.example\n"]),
        Row(
            source: "issue 18: status output is exact with dictionary-word passwords",
            config:
                #"{"auths": {"https://index.docker.io/v1/": {"auth": "\#(auth("me", "docker"))"}, "registry.example": {"auth": "\#(auth("you", "password"))"}}}"#,
            command: ["status", "--json"], exitCode: 0,
            listed: [
                Listed(server: "docker.io", username: "me", store: "config.json", recorded: true),
                Listed(server: "registry.example", username: "you", store: "config.json", recorded: true)
            ])
    ]

    @Test(arguments: rows)
    func behavesAsThePeersDo(_ row: Row) throws {
        let home = try TemporaryDirectory()
        var registries: BasicRegistries?
        if row.usesRegistry {
            registries = try BasicRegistries(count: 1, user: Self.registryUser, password: Self.registryPassword)
        }
        defer { registries?.stop() }
        let substitute = { (text: String) in
            text.replacingOccurrences(of: "{registry}", with: registries?.servers[0] ?? "")
        }
        try home.write("config.json", substitute(row.config))
        let helpers = try row.helpers.map { setup in
            let helper = try ScriptedHelper(name: setup.name, mode: setup.mode)
            for seed in setup.seeds { try helper.seed(seed.server, username: seed.username, secret: seed.secret) }
            return helper
        }
        let result = try PolicyBinary.run(
            row.command.map(substitute) + ["-c", home.path], environment: ScriptedHelper.environment(helpers),
            timeout: 30)
        #expect(result.exitCode == row.exitCode, "\(result.stdout)\(result.stderr)")
        if let listed = row.listed {
            let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            let found = rows.map { object in
                Listed(
                    server: object["server"] as? String ?? "?", username: object["username"] as? String,
                    store: object["store"] as? String, recorded: object["recorded"] as? Bool ?? false,
                    kind: object["kind"] as? String, status: object["status"] as? String)
            }
            #expect(found == listed, "\(result.stdout)")
        }
        for text in row.stdout.map(substitute) { #expect(result.stdout.contains(text), "\(result.stdout)") }
        for text in row.stderr.map(substitute) { #expect(result.stderr.contains(text), "\(result.stderr)") }
        for text in row.stderrLacks { #expect(!result.stderr.contains(text), "\(result.stderr)") }
        #expect(!(result.stdout + result.stderr).contains("[redacted]"), "our own output was rewritten")
        if let keys = row.authsAfter {
            let auths = try ConfigJSON(home.read("config.json")).root["auths"] as? [String: Any] ?? [:]
            #expect(auths.keys.sorted() == keys.map(substitute).sorted())
        }
        for (setup, helper) in zip(row.helpers, helpers) {
            if let held = setup.holdsAfter {
                #expect(helper.held == held.map(substitute).sorted(), "\(setup.name) holds \(helper.held)")
            }
            for verb in setup.neverCalled {
                #expect(!helper.verbs.contains(verb), "\(setup.name) was asked to \(verb)")
            }
        }
    }
}
