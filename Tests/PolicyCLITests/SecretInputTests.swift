import Testing
@testable import PolicyCLI

struct SecretInputTests {
    static let rows: [(String, String)] = [
        ("token\n", "token"),
        ("token\r\n", "token"),
        ("token\n\n\r\n", "token"),
        ("token", "token"),
        ("  spaced token  \n", "  spaced token  "),
        ("{\n  \"type\": \"service_account\"\n}\n", "{\n  \"type\": \"service_account\"\n}"),
        ("line1\r\nline2\r\n", "line1\r\nline2"),
        ("\n", ""),
        ("", ""),
    ]

    @Test(arguments: rows)
    func trimsOnlyTrailingLineEnds(_ input: String, _ expected: String) {
        #expect(SecretInput.trimmed(Array(input.utf8)) == expected)
    }

    @Test(arguments: [(" lead", true), ("trail\t", true), ("in side", false), ("plain", false)])
    func spotsSurroundingBlanks(_ secret: String, _ expected: Bool) {
        #expect(SecretInput.hasSurroundingBlanks(secret) == expected)
    }

    @Test func redactsEveryProtectedValue() {
        let output = Output(sink: CapturedOutput())
        output.protect("s3cret-value")
        output.protect("bWU6czNjcmV0LXZhbHVl")
        #expect(output.redacted("a s3cret-value b bWU6czNjcmV0LXZhbHVl") == "a [redacted] b [redacted]")
    }

    @Test func redactsTheFormsASecretTakesWhenQuotedBack() {
        let output = Output(sink: CapturedOutput())
        output.protect("pa\"ss\\word")
        output.protect("{\n  \"private_key\": \"-----BEGIN KEY-----abc\"\n}")
        #expect(output.redacted(#"invalid payload: {"Secret":"pa\"ss\\word"}"#) == #"invalid payload: {"Secret":"[redacted]"}"#)
        #expect(!output.redacted(#"unknown: Unable to parse json key: "private_key": "-----BEGIN KEY-----abc""#).contains("BEGIN KEY"))
    }
}
