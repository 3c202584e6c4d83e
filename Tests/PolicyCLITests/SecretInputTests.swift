import PolicyBase
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
        ("", "")
    ]

    @Test(arguments: rows)
    func trimsOnlyTrailingLineEnds(_ input: String, _ expected: String) {
        #expect(SecretInput.trimmed(Array(input.utf8)) == Array(expected.utf8))
    }

    @Test(arguments: [(" lead", true), ("trail\t", true), ("in side", false), ("plain", false)])
    func spotsSurroundingBlanks(_ secret: String, _ expected: Bool) {
        #expect(SecretInput.hasSurroundingBlanks(Array(secret.utf8)) == expected)
    }

    /// Bytes that are not UTF-8 are kept as they are; only the trailing line ends go.
    @Test func keepsEveryOtherByte() {
        #expect(SecretInput.trimmed([0x70, 0xFF, 0xFE, 0x00, 0x0D, 0x0A]) == [0x70, 0xFF, 0xFE, 0x00])
    }

    @Test func redactsEveryProtectedValue() {
        let redaction = Redaction(["s3cret-value", "bWU6czNjcmV0LXZhbHVl"])
        #expect(redaction.apply("a s3cret-value b bWU6czNjcmV0LXZhbHVl") == "a [redacted] b [redacted]")
    }

    @Test func redactsTheFormsASecretTakesWhenQuotedBack() {
        let redaction = Redaction(["pa\"ss\\word", "{\n  \"private_key\": \"-----BEGIN KEY-----abc\"\n}"])
        #expect(
            redaction.apply(#"invalid payload: {"Secret":"pa\"ss\\word"}"#)
                == #"invalid payload: {"Secret":"[redacted]"}"#)
        #expect(
            !redaction.apply(#"unknown: Unable to parse json key: "private_key": "-----BEGIN KEY-----abc""#).contains(
                "BEGIN KEY"))
    }
}
