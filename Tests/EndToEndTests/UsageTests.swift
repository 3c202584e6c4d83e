import Foundation
import Testing

/// Usage errors through the built binary: exit 2, one sentence on stderr, nothing stored, no hang.
struct UsageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var stdin: String?
        var mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(
            arguments: ["login", "-s", "r.example", "-u", "u", "--password-stdin"], stdin: "",
            mentions: "--password-stdin"),
        Case(
            arguments: ["login", "-s", "r.example", "-u", "u", "--password-stdin"], stdin: "\r\n\n",
            mentions: "--password-stdin"),
        Case(
            arguments: ["login", "-s", "r.example", "-u", "u", "-p", "x", "--password-stdin"], stdin: "x",
            mentions: "--password-stdin"),
        Case(arguments: ["login", "-s", "r.example", "-u", "u"], stdin: nil, mentions: "--password-stdin"),
        Case(arguments: ["login", "-u", "u", "--password-stdin"], stdin: "x", mentions: "--server"),
        Case(arguments: ["login", "--bogus"], stdin: nil, mentions: "--bogus"),
        Case(arguments: ["login", "-s"], stdin: nil, mentions: "-s"),
        Case(
            arguments: ["login", "-s", "r.example/some/path", "-u", "u", "-p", "x"], stdin: nil, mentions: "/some/path"),
        Case(
            arguments: ["login", "-s", "r.example", "-u", "u", "-p", "x", "--timeout", "soon"], stdin: nil,
            mentions: "--timeout"),
        Case(arguments: ["frobnicate"], stdin: nil, mentions: "frobnicate"),
        Case(arguments: ["version", "-s", "x"], stdin: nil, mentions: "-s")
    ]

    @Test(arguments: cases)
    func exits2WithASentence(_ row: Case) throws {
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(row.arguments + ["-c", home.path], stdin: row.stdin, timeout: 10)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(row.mentions), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    @Test(arguments: [
        ["--help"], ["help"], ["help", "login"], ["login", "--help"], ["-h", "logout"], ["--version"], ["version"]
    ])
    func helpAndVersionExit0(_ arguments: [String]) throws {
        let result = try PolicyBinary.run(arguments, timeout: 10)
        #expect(result.exitCode == 0)
        #expect(!result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func loginHelpListsEveryLoginOption() throws {
        let result = try PolicyBinary.run(["help", "login"], timeout: 10)
        for option in [
            "--server", "--username", "--password", "--password-stdin", "--ca-file", "--plaintext", "--timeout",
            "--config", "--debug"
        ] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }
}
