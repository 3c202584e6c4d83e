import Testing
import PolicyBase

/// The one cleaner for text from outside: one line, no terminal controls, bounded.
struct DisplayTextTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var limit = DisplayText.defaultLimit
        var expected: String
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "plain", input: "credentials not found in native keychain", expected: "credentials not found in native keychain"),
        Row(name: "trailing newline", input: "not found\n", expected: "not found"),
        Row(name: "blank runs collapse", input: "  error:\n\tlocked \r\n", expected: "error: locked"),
        Row(name: "ESC becomes a space", input: "\u{1B}[31mred\u{1B}[0m", expected: "[31mred [0m"),
        Row(name: "C1 CSI becomes a space", input: "a\u{9B}31mb", expected: "a 31mb"),
        Row(name: "NEL and DEL", input: "a\u{85}b\u{7F}c", expected: "a b c"),
        Row(name: "only controls", input: "\u{7}\u{1B}\u{9B}", expected: ""),
        Row(name: "empty", input: "", expected: ""),
        Row(name: "cut at the limit", input: String(repeating: "x", count: 400), limit: 300,
            expected: String(repeating: "x", count: 300) + "…"),
        Row(name: "exactly the limit is not cut", input: String(repeating: "x", count: 5) + "  ", limit: 5, expected: "xxxxx"),
        Row(name: "non-ASCII kept", input: "café ☕", expected: "café ☕"),
    ]

    @Test(arguments: rows)
    func cleans(_ row: Row) {
        #expect(DisplayText.clean(row.input, limit: row.limit) == row.expected)
        #expect(DisplayText.clean(Array(row.input.utf8), limit: row.limit) == row.expected)
    }
}
