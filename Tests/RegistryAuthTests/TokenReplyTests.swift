import Testing

@testable import RegistryAuth

struct TokenReplyTests {
    /// Replies from registries.md and edge cases: (body, expected token or nil for an error).
    static let rows: [(String, Result<String, TokenReplyError>)] = [
        (
            #"{"token":"eyJhub","access_token":"eyJhub","expires_in":300,"issued_at":"2018-11-17T01:32:08.367366757Z"}"#,
            .success("eyJhub")
        ),
        (#"{"token":"djE6abc"}"#, .success("djE6abc")),
        (#"{"expires_in":43200,"issued_at":"2020-09-13T21:42:30.844703449-07:00","token":"gcr"}"#, .success("gcr")),
        (#"{"access_token":"acr-only"}"#, .success("acr-only")),
        (#"{"refresh_token":"r","access_token":"oauth","expires_in":900,"scope":""}"#, .success("oauth")),
        (#"{"token":"","access_token":"fallback"}"#, .success("fallback")),
        (#"{"token":42,"access_token":"typed"}"#, .success("typed")),
        (#"{"token":null}"#, .failure(.missingToken)),
        (#"{}"#, .failure(.missingToken)),
        (#"{"token":"has space"}"#, .failure(.missingToken)),
        (#"{"token":"line\r\nInjected: yes"}"#, .failure(.missingToken)),
        ("true", .failure(.notJSON)),
        ("<html>oops</html>", .failure(.notJSON)),
        ("", .failure(.notJSON)),
        (#"{"token":"unterminated"#, .failure(.notJSON))
    ]

    @Test(arguments: rows)
    func decodes(_ body: String, _ expected: Result<String, TokenReplyError>) {
        let actual = Result { () throws(TokenReplyError) -> String in try TokenReply.decode(Array(body.utf8)) }
        #expect(actual == expected)
    }
}
