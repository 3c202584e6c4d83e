import PolicyBase
import Testing

@testable import CredentialStore

/// What an `auths` entry holds, read the way docker reads it.
struct StoredCredentialsTests {
    static let rows: [(String, Credentials?)] = [
        (#"{"auth": "ZGVtbzpwdy0x"}"#, Credentials(username: "demo", secret: "pw-1")),
        (#"{"auth": "ZGVtbzpwOnc="}"#, Credentials(username: "demo", secret: "p:w")),
        (#"{"username": "demo", "password": "pw-2"}"#, Credentials(username: "demo", secret: "pw-2")),
        (
            #"{"auth": "ZGVtbzo=", "identitytoken": "refresh-1"}"#,
            Credentials(username: "demo", secret: "refresh-1", kind: .identityToken)
        ),
        (
            #"{"identitytoken": "refresh-2", "username": "demo"}"#,
            Credentials(username: "demo", secret: "refresh-2", kind: .identityToken)
        ),
        (#"{"auth": "ZGVtbzo="}"#, nil),
        (#"{}"#, nil),
        (#"{"auth": "not base64!"}"#, nil),
        (#"{"auth": "bm9jb2xvbg=="}"#, nil),
        (#"{"password": "pw-without-user"}"#, nil)
    ]

    @Test(arguments: rows)
    func readsAnEntry(_ entry: String, _ expected: Credentials?) throws {
        let document = try ConfigFile.decode(Array(#"{"auths": {"r.example": \#(entry)}}"#.utf8), path: "config.json")
        #expect(document.storedCredentials(for: "r.example") == expected)
    }
}
