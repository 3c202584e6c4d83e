import PolicyBase
import Testing

@testable import RegistryAuth

/// The one line policy quotes from an error body a server chose: bounded, printable, never a terminal escape.
struct ServerMessageTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var expected: String?
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "distribution errors",
            body: #"{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}"#,
            expected: "DENIED: requested access to the resource is denied"),
        Row(
            name: "Docker Hub details", body: #"{"details":"incorrect username or password"}"#,
            expected: "incorrect username or password"),
        Row(
            name: "plain text, lines joined", body: "Not Authorized\nsecond line\n",
            expected: "Not Authorized second line"),
        Row(name: "HTML says nothing", body: "<html><body>Forbidden</body></html>", expected: nil),
        Row(name: "empty body", body: "", expected: nil),
        Row(name: "ESC sequences blanked", body: "\u{1B}[2Jcleared", expected: "[2Jcleared"),
        Row(name: "broken JSON says nothing", body: "{\"errors\":", expected: nil),
        Row(name: "errors of the wrong type", body: #"{"errors":"x","message":"plain"}"#, expected: "plain"),
        Row(name: "C1 CSI blanked", body: "\u{9B}31mred\u{85}", expected: "31mred"),
        Row(name: "only controls", body: "\u{7}\u{1B}\u{9B}", expected: nil),
        Row(
            name: "10 KB capped", body: String(repeating: "e", count: 10240),
            expected: String(repeating: "e", count: OutsideText.Length.message.rawValue) + "…")
    ]

    @Test(arguments: rows)
    func extracts(_ row: Row) {
        #expect(
            ServerMessage.extract(from: HTTPResponse(status: 401, body: Array(row.body.utf8)))?.description
                == row.expected)
    }
}
