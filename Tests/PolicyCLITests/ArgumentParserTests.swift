import Testing
@testable import PolicyCLI

struct ArgumentParserTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var command: CommandName?
        var values: [OptionID: String] = [:]
        var flags: Set<OptionID> = []
        var operands: [String] = []
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let good: [Row] = [
        Row(arguments: ["login", "-s", "ghcr.io", "-u", "me", "--password-stdin"], command: .login,
            values: [.server: "ghcr.io", .username: "me"], flags: [.passwordStdin]),
        Row(arguments: ["login", "--server=ghcr.io", "--username", "me", "-p", "x"], command: .login,
            values: [.server: "ghcr.io", .username: "me", .password: "x"]),
        Row(arguments: ["--config", "/tmp/c", "--debug", "login", "-sghcr.io"], command: .login,
            values: [.config: "/tmp/c", .server: "ghcr.io"], flags: [.debug]),
        Row(arguments: ["login", "-s", "a", "--debug", "-c", "/d"], command: .login,
            values: [.server: "a", .config: "/d"], flags: [.debug]),
        Row(arguments: ["login", "-s", "first", "-s", "last"], command: .login, values: [.server: "last"]),
        Row(arguments: ["login", "-p", "-starts-with-dash"], command: .login, values: [.password: "-starts-with-dash"]),
        Row(arguments: ["login", "-p=x"], command: .login, values: [.password: "x"]),
        Row(arguments: ["login", "--password="], command: .login, values: [.password: ""]),
        Row(arguments: ["login", "--", "ghcr.io"], command: .login, operands: ["ghcr.io"]),
        Row(arguments: ["login", "ghcr.io"], command: .login, operands: ["ghcr.io"]),
        Row(arguments: ["help", "login"], command: .help, operands: ["login"]),
        Row(arguments: ["--help"], command: nil, flags: [.help]),
        Row(arguments: ["-h", "login"], command: .login, flags: [.help]),
        Row(arguments: ["--version"], command: nil, flags: [.version]),
        Row(arguments: ["logout", "-s", "ghcr.io"], command: .logout, values: [.server: "ghcr.io"]),
        Row(arguments: ["login", "-k", "--plaintext", "--ca-file", "ca.pem", "--timeout", "5", "-d"], command: .login,
            values: [.caFile: "ca.pem", .timeout: "5"], flags: [.insecure, .plaintext, .defaultDomain]),
    ]

    @Test(arguments: good)
    func parses(_ row: Row) throws {
        let parsed = try ArgumentParser.parse(row.arguments)
        #expect(parsed == ParsedArguments(command: row.command, values: row.values, flags: row.flags, operands: row.operands))
    }

    static let bad: [([String], UsageError)] = [
        (["login", "--bogus"], .unknownOption("--bogus")),
        (["login", "-x"], .unknownOption("-x")),
        // What follows a short option's letter may be a mistyped password (-P for -p): never echoed.
        (["login", "-kx"], .unexpectedValue("-k")),
        (["login", "-Ps3cret"], .unknownOption("-P")),
        (["login", "--pasword=s3cret"], .unknownOption("--pasword")),
        (["login", "-s"], .missingValue("-s")),
        (["login", "--server"], .missingValue("--server")),
        (["--config"], .missingValue("--config")),
        (["login", "--debug=yes"], .unexpectedValue("--debug")),
        (["login", "--password-stdin=1"], .unexpectedValue("--password-stdin")),
        (["frobnicate"], .unknownCommand("frobnicate")),
        (["-s", "ghcr.io"], .optionNotForCommand(option: "-s", command: nil)),
        (["version", "-s", "x"], .optionNotForCommand(option: "-s", command: .version)),
        (["logout", "-u", "me"], .optionNotForCommand(option: "-u", command: .logout)),
        (["login", "a", "b"], .unexpectedOperand("b", command: .login)),
        (["version", "extra"], .unexpectedOperand("extra", command: .version)),
    ]

    @Test(arguments: bad)
    func rejects(_ arguments: [String], _ expected: UsageError) {
        #expect(throws: expected) { try ArgumentParser.parse(arguments) }
    }

    /// The argument a sentence must name: the option or command itself, as a whole word. Neither the command
    /// word the user typed nor a bare "--" counts (the hint text has those whatever the option was).
    static func named(by error: UsageError) -> String {
        switch error {
        case .unknownOption(let option), .missingValue(let option), .unexpectedValue(let option),
             .optionNotForCommand(let option, _):
            return option
        case .unknownCommand(let command): return command
        case .unexpectedOperand(_, let command): return command?.rawValue ?? "policy"  // the operand is never quoted
        }
    }

    /// Whether `word` occurs in `text` with no option-name character on either side.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        let isNameCharacter: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let characters = Array(text), wanted = Array(word)
        guard !wanted.isEmpty, characters.count >= wanted.count else { return false }
        for start in 0...(characters.count - wanted.count) where Array(characters[start..<start + wanted.count]) == wanted {
            let before = start == 0 ? nil : characters[start - 1]
            let after = start + wanted.count == characters.count ? nil : characters[start + wanted.count]
            if !(before.map(isNameCharacter) ?? false) && !(after.map(isNameCharacter) ?? false) { return true }
        }
        return false
    }

    @Test(arguments: bad)
    func everyErrorNamesTheArgument(_ arguments: [String], _ error: UsageError) throws {
        let parsed = try #require(throws: UsageError.self) { try ArgumentParser.parse(arguments) }
        let name = Self.named(by: error)
        #expect(Self.containsWord(parsed.description, name), "'\(name)' is not named: \(parsed.description)")
    }

    @Test(arguments: [["login", "ghcr.io", "S3cr3t!pw"], ["logout", "ghcr.io", "S3cr3t!pw"], ["version", "S3cr3t!pw"], ["help", "login", "S3cr3t!pw"]])
    func anExtraArgumentIsNeverQuoted(_ arguments: [String]) {
        #expect(throws: UsageError.self) { try ArgumentParser.parse(arguments) }
        do {
            _ = try ArgumentParser.parse(arguments)
        } catch {
            #expect(!error.description.contains("S3cr3t"))
        }
    }

    @Test func helpMentionsEveryOptionOfTheTable() {
        let help = HelpText.general() + CommandName.allCases.map(HelpText.command).joined()
        for spec in OptionTable.all {
            #expect(help.contains("--" + spec.long))
        }
    }
}
