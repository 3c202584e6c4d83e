import Testing
@testable import CredentialStore

/// Which store the config names for a server: credHelpers, else credsStore/credStore, else the file.
struct StoreChoiceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var config: String
        var server = "ghcr.io"
        var expected: Result<StoreChoice, StoreError>
        var testDescription: String { "\(server) in \(config)" }
    }

    static let path = "/home/me/.policy/config.json"

    static let cases: [Case] = [
        Case(config: "{}", expected: .success(.file)),
        Case(config: #"{"auths": {"ghcr.io": {"auth": "eDp5"}}}"#, expected: .success(.file)),
        Case(config: #"{"credsStore": "pass"}"#, expected: .success(.helper(name: "pass", configKey: "credsStore"))),
        Case(config: #"{"credStore": "wincred"}"#, expected: .success(.helper(name: "wincred", configKey: "credStore"))),
        Case(config: #"{"credsStore": "pass", "credStore": "pass"}"#, expected: .success(.helper(name: "pass", configKey: "credsStore"))),
        Case(config: #"{"credsStore": "", "credStore": "osxkeychain"}"#,
             expected: .success(.helper(name: "osxkeychain", configKey: "credStore"))),
        Case(config: #"{"credsStore": ""}"#, expected: .success(.file)),
        Case(config: #"{"credsStore": "pass", "credHelpers": {"ghcr.io": "gh"}}"#,
             expected: .success(.helper(name: "gh", configKey: #"credHelpers["ghcr.io"]"#))),
        Case(config: #"{"credsStore": "pass", "credHelpers": {"gcr.io": "gcloud"}}"#,
             expected: .success(.helper(name: "pass", configKey: "credsStore"))),
        Case(config: #"{"credHelpers": {"ghcr.io": ""}}"#, expected: .success(.file)),
        Case(config: #"{"credsStore": "pass", "credStore": "secretservice"}"#,
             expected: .failure(.conflictingStores(credsStore: "pass", credStore: "secretservice"))),
        Case(config: #"{"credsStore": true}"#, expected: .failure(.invalidEntry(path: path, key: "credsStore", expected: .string))),
        Case(config: #"{"credHelpers": "gh"}"#, expected: .failure(.invalidEntry(path: path, key: "credHelpers", expected: .object))),
        Case(config: #"{"credHelpers": {"ghcr.io": 1}}"#,
             expected: .failure(.invalidEntry(path: path, key: #"credHelpers["ghcr.io"]"#, expected: .string))),
    ]

    @Test(arguments: cases)
    func choosesTheStore(_ row: Case) throws {
        let document = try ConfigFile.decode(Array(row.config.utf8), path: Self.path)
        let result = Result { () throws(StoreError) -> StoreChoice in try document.storeChoice(for: row.server, path: Self.path) }
        #expect(result == row.expected)
    }
}

/// What a helper printed, made fit to quote in one line.
struct HelperTextTests {
    @Test(arguments: [
        ("credentials not found in native keychain\n", "credentials not found in native keychain"),
        ("  error:\n\tlocked \r\n", "error: locked"),
        ("\u{1B}[31mred\u{1B}[0m", "[31mred [0m"),
        ("", ""),
        (String(repeating: "x", count: 400), String(repeating: "x", count: 300) + "…"),
    ])
    func cleansOneLine(_ input: String, _ expected: String) {
        #expect(HelperText.clean(Array(input.utf8)) == expected)
    }

    @Test func stdoutWinsOverStderr() {
        let both = HelperProcess.Reply(status: .exited(1), stdout: Array("on stdout".utf8), stderr: Array("on stderr".utf8))
        let onlyStderr = HelperProcess.Reply(status: .exited(1), stdout: Array("\n".utf8), stderr: Array("on stderr".utf8))
        #expect(HelperText.message(of: both) == "on stdout")
        #expect(HelperText.message(of: onlyStderr) == "on stderr")
    }

    @Test(arguments: ["", "a/b", "../../bin/sh", "line\nbreak"])
    func aHelperNameMustBeAPlainName(_ name: String) {
        #expect(throws: StoreError.invalidHelperName(name: name, configKey: "credsStore")) {
            try CredentialHelper(name: name, configKey: "credsStore", timeoutSeconds: 1)
        }
    }
}

/// Credentials in config.json itself.
struct FileCredentialStoreTests {
    @Test(arguments: [("me", "pw"), ("_json_key", "{\n  \"type\": \"service_account\"\n}"), ("AWS", "a:b:c"), ("u", "ünïcødé ")])
    func storeReadEraseRoundTrip(_ username: String, _ secret: String) async throws {
        let store = FileCredentialStore(path: "/tmp/config.json")
        var config = ConfigDocument(members: ["auths": .object(["other": .object(["auth": .string("eDp5")])])])
        try await store.store(Credentials(username: username, secret: secret), for: "r.example", in: &config)
        #expect(try await store.credentials(for: "r.example", in: config) == Credentials(username: username, secret: secret))
        #expect(try await store.erase(server: "r.example", in: &config))
        #expect(try await store.credentials(for: "r.example", in: config) == nil)
        #expect(try await !store.erase(server: "r.example", in: &config))
        #expect(config.authEntry(for: "other") != nil)
    }
}
