import PolicyBase
import Testing

@testable import CredentialStore

/// Which store the config names for a server: credHelpers, else credsStore/credStore, else the file.
struct StoreChoiceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var config: String
        var server = "ghcr.io"
        var expected: Result<BackendChoice, StoreError>
        var testDescription: String { "\(server) in \(config)" }
    }

    static let path = "/home/me/.policy/config.json"

    static let cases: [Case] = [
        Case(config: "{}", expected: .success(.file)),
        Case(config: #"{"auths": {"ghcr.io": {"auth": "eDp5"}}}"#, expected: .success(.file)),
        Case(config: #"{"credsStore": "pass"}"#, expected: .success(.helper(name: "pass", configKey: "credsStore"))),
        Case(
            config: #"{"credStore": "wincred"}"#, expected: .success(.helper(name: "wincred", configKey: "credStore"))),
        Case(
            config: #"{"credsStore": "pass", "credStore": "pass"}"#,
            expected: .success(.helper(name: "pass", configKey: "credsStore"))),
        Case(
            config: #"{"credsStore": "", "credStore": "osxkeychain"}"#,
            expected: .success(.helper(name: "osxkeychain", configKey: "credStore"))),
        Case(config: #"{"credsStore": ""}"#, expected: .success(.file)),
        Case(
            config: #"{"credsStore": "pass", "credHelpers": {"ghcr.io": "gh"}}"#,
            expected: .success(.helper(name: "gh", configKey: #"credHelpers["ghcr.io"]"#))),
        Case(
            config: #"{"credsStore": "pass", "credHelpers": {"gcr.io": "gcloud"}}"#,
            expected: .success(.helper(name: "pass", configKey: "credsStore"))),
        Case(config: #"{"credHelpers": {"ghcr.io": ""}}"#, expected: .success(.file)),
        Case(
            config: #"{"credsStore": "pass", "credStore": "secretservice"}"#,
            expected: .failure(.conflictingStores(credsStore: "pass", credStore: "secretservice"))),
        Case(
            config: #"{"credsStore": true}"#,
            expected: .failure(.invalidEntry(path: path, key: "credsStore", expected: .string))),
        Case(
            config: #"{"credHelpers": "gh"}"#,
            expected: .failure(.invalidEntry(path: path, key: "credHelpers", expected: .object))),
        Case(
            config: #"{"credHelpers": {"ghcr.io": 1}}"#,
            expected: .failure(.invalidEntry(path: path, key: #"credHelpers["ghcr.io"]"#, expected: .string)))
    ]

    @Test(arguments: cases)
    func choosesTheStore(_ row: Case) throws {
        let document = try ConfigFile.decode(Array(row.config.utf8), path: Self.path)
        let result = Result { () throws(StoreError) -> BackendChoice in try document.storeChoice(for: row.server) }
        #expect(result == row.expected)
    }
}
