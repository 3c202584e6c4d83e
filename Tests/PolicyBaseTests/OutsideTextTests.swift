import PolicyBase
import Testing

/// The one cleaner for text from outside: one line, no terminal controls, bounded.
struct OutsideTextTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var length = OutsideText.Length.message
        var expected: String
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "plain", input: "credentials not found in native keychain",
            expected: "credentials not found in native keychain"),
        Row(name: "trailing newline", input: "not found\n", expected: "not found"),
        Row(name: "blank runs collapse", input: "  error:\n\tlocked \r\n", expected: "error: locked"),
        Row(name: "ESC becomes a space", input: "\u{1B}[31mred\u{1B}[0m", expected: "[31mred [0m"),
        Row(name: "C1 CSI becomes a space", input: "a\u{9B}31mb", expected: "a 31mb"),
        Row(name: "NEL and DEL", input: "a\u{85}b\u{7F}c", expected: "a b c"),
        Row(name: "only controls", input: "\u{7}\u{1B}\u{9B}", expected: ""),
        Row(name: "empty", input: "", expected: ""),
        Row(
            name: "cut at the limit", input: String(repeating: "x", count: 400),
            expected: String(repeating: "x", count: 200) + "…"),
        Row(
            name: "a name is cut at 80", input: String(repeating: "x", count: 81), length: .name,
            expected: String(repeating: "x", count: 80) + "…"),
        Row(
            name: "exactly the limit is not cut", input: String(repeating: "x", count: 40) + "  ", length: .word,
            expected: String(repeating: "x", count: 40)),
        Row(
            name: "bidirectional overrides become spaces", input: "user\u{202E}gpj.exe\u{202C}",
            expected: "user gpj.exe"),
        Row(
            name: "bidirectional isolates become spaces", input: "\u{2066}a\u{2067}b\u{2068}c\u{2069}",
            expected: "a b c"),
        Row(name: "embeddings become spaces", input: "a\u{202A}b\u{202B}c\u{202D}d", expected: "a b c d"),
        Row(name: "non-ASCII kept", input: "café ☕", expected: "café ☕")
    ]

    @Test(arguments: rows)
    func cleans(_ row: Row) {
        #expect(OutsideText(row.input, row.length).description == row.expected)
        #expect(OutsideText(bytes: Array(row.input.utf8), row.length).description == row.expected)
    }
}
