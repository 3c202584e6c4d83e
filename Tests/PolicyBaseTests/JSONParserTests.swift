import Testing

@testable import PolicyBase

struct JSONParserTests {
    static let good: [(String, JSONValue)] = [
        ("{}", .object([:])),
        (" [ ] ", .array([])),
        (
            #"{"a":1.50,"b":[true,false,null],"c":"x\u00e9\n\"q\"","d":-0.5e+10}"#,
            .object([
                "a": .number("1.50"), "b": .array([.bool(true), .bool(false), .null]), "c": .string("xé\n\"q\""),
                "d": .number("-0.5e+10")
            ])
        ),
        (#""\ud83d\ude00""#, .string("😀")),
        (#"10000000000000000000001"#, .number("10000000000000000000001")),
        (#"{"dup":1,"dup":2}"#, .object(["dup": .number("2")]))
    ]

    @Test(arguments: good)
    func parses(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
    }

    struct BadRow: Sendable, CustomTestStringConvertible {
        var text: String
        var reason: JSONParseError.Reason
        var line: Int
        var column: Int
        var testDescription: String { text.debugDescription }
    }

    static let bad: [BadRow] = [
        BadRow(text: "", reason: .unexpectedEnd, line: 1, column: 1),
        BadRow(text: "{\"auths\": {", reason: .unexpectedEnd, line: 1, column: 12),
        BadRow(text: "{\n  \"a\": tru\n}", reason: .unexpectedCharacter, line: 2, column: 11),
        BadRow(text: "{\"a\" 1}", reason: .unexpectedCharacter, line: 1, column: 6),
        BadRow(text: "{} {}", reason: .trailingCharacters, line: 1, column: 4),
        BadRow(text: "[01]", reason: .invalidNumber, line: 1, column: 3),
        BadRow(text: "[1.]", reason: .invalidNumber, line: 1, column: 4),
        BadRow(text: "[-]", reason: .invalidNumber, line: 1, column: 3),
        BadRow(text: #"["\x"]"#, reason: .invalidEscape, line: 1, column: 4),
        BadRow(text: #"["\ud800"]"#, reason: .unexpectedCharacter, line: 1, column: 9),
        BadRow(text: "[\"a\u{01}\"]", reason: .unexpectedCharacter, line: 1, column: 4),
        BadRow(text: "{,}", reason: .unexpectedCharacter, line: 1, column: 2),
        BadRow(text: "[1,]", reason: .unexpectedCharacter, line: 1, column: 4),
        BadRow(text: String(repeating: "[", count: 300), reason: .tooDeep, line: 1, column: 257)
    ]

    @Test(arguments: bad)
    func reportsWhereItFailed(_ row: BadRow) {
        do {
            _ = try JSONParser.parse(Array(row.text.utf8))
            Issue.record("parsed \(row.text.debugDescription)")
        } catch {
            #expect(error.reason == row.reason)
            #expect(error.line == row.line)
            #expect(error.column == row.column)
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test(arguments: good.map(\.1))
    func writerOutputParsesBackToTheSameValue(_ value: JSONValue) throws {
        #expect(try JSONParser.parse(JSONWriter.write(value)) == value)
    }

    @Test func writerSortsKeysAndIndentsWithTabs() {
        let text = String(
            decoding: JSONWriter.write(.object(["b": .number("1"), "a": .object(["z": .string("\u{01}")])])),
            as: UTF8.self)
        #expect(text == "{\n\t\"a\": {\n\t\t\"z\": \"\\u0001\"\n\t},\n\t\"b\": 1\n}\n")
    }
}
