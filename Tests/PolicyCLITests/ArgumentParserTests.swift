import Testing

@testable import PolicyCLI

struct ArgumentParserTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var command: CommandName?
        var values: [Option: String] = [:]
        var flags: Set<Option> = []
        var operands: [String] = []
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let good: [Row] = [
        Row(
            arguments: ["login", "-s", "ghcr.io", "-u", "me", "--password-stdin"], command: .login,
            values: [.server: "ghcr.io", .username: "me"], flags: [.passwordStdin]),
        Row(
            arguments: ["login", "--server=ghcr.io", "--username", "me", "-p", "x"], command: .login,
            values: [.server: "ghcr.io", .username: "me", .password: "x"]),
        Row(
            arguments: ["--config", "/tmp/c", "--debug", "login", "-sghcr.io"], command: .login,
            values: [.config: "/tmp/c", .server: "ghcr.io"], flags: [.debug]),
        Row(
            arguments: ["login", "-s", "a", "--debug", "-c", "/d"], command: .login,
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
        Row(
            arguments: ["login", "-k", "--plaintext", "--ca-file", "ca.pem", "--timeout", "5", "-d"], command: .login,
            values: [.caFile: "ca.pem", .timeout: "5"], flags: [.insecure, .plaintext, .defaultDomain])
    ]

    @Test(arguments: good)
    func parses(_ row: Row) throws {
        let parsed = try ArgumentParser.parse(row.arguments)
        var expected = ParsedArguments(
            command: row.command, values: row.values, flags: row.flags, operands: row.operands)
        expected.valueBytes = row.values.mapValues { Array($0.utf8) }
        #expect(parsed == expected)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var error: UsageError
        /// Text the sentence must contain: the option as typed, or the command it is about.
        var named: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let bad: [Bad] = [
        Bad(
            arguments: ["login", "--bogus"], error: .unknownOption("--bogus", command: .login, nearest: nil),
            named: "--bogus"),
        Bad(arguments: ["login", "-x"], error: .unknownOption("-x", command: .login, nearest: nil), named: "-x"),
        // What follows a short option's letter may be a mistyped password (-P for -p): never echoed.
        Bad(arguments: ["login", "-kx"], error: .unexpectedValue("-k"), named: "-k"),
        Bad(arguments: ["login", "-Ps3cret"], error: .unknownOption("-P", command: .login, nearest: nil), named: "-P"),
        Bad(
            arguments: ["login", "--pasword=s3cret"],
            error: .unknownOption("--pasword", command: .login, nearest: .password),
            named: "--pasword"),
        Bad(
            arguments: ["--pasword=s3cret", "login"],
            error: .unknownOption("--pasword", command: .login, nearest: .password),
            named: "--pasword"),
        Bad(
            arguments: ["logout", "--servr", "x"], error: .unknownOption("--servr", command: .logout, nearest: .server),
            named: "--servr"),
        Bad(
            arguments: ["logout", "--password", "x"],
            error: .optionNotForCommand(option: "--password", command: .logout), named: "--password"),
        Bad(arguments: ["login", "-s"], error: .missingValue("-s", .server), named: "-s"),
        Bad(arguments: ["login", "--server"], error: .missingValue("--server", .server), named: "--server"),
        // The docs' Aserto line with its server left empty: -u is not the server.
        Bad(arguments: ["login", "-s", "-u", "alice", "-p", "KEY"], error: .missingValue("-s", .server), named: "-s"),
        Bad(arguments: ["login", "-u", "--password-stdin"], error: .missingValue("-u", .username), named: "-u"),
        Bad(arguments: ["login", "-s", "--username=x"], error: .missingValue("-s", .server), named: "-s"),
        Bad(arguments: ["--config"], error: .missingValue("--config", .config), named: "--config"),
        Bad(arguments: ["login", "--debug=yes"], error: .unexpectedValue("--debug"), named: "--debug"),
        Bad(
            arguments: ["login", "--password-stdin=1"], error: .unexpectedValue("--password-stdin"),
            named: "--password-stdin"),
        Bad(arguments: ["frobnicate"], error: .unknownCommand("frobnicate"), named: "frobnicate"),
        Bad(arguments: ["-s", "ghcr.io"], error: .optionNotForCommand(option: "-s", command: nil), named: "-s"),
        Bad(
            arguments: ["version", "-s", "x"], error: .optionNotForCommand(option: "-s", command: .version), named: "-s"
        ),
        Bad(
            arguments: ["logout", "-u", "me"], error: .optionNotForCommand(option: "-u", command: .logout), named: "-u"),
        Bad(arguments: ["login", "a", "b"], error: .unexpectedOperand(command: .login), named: "policy login"),
        Bad(arguments: ["version", "extra"], error: .unexpectedOperand(command: .version), named: "policy version")
    ]

    @Test(arguments: bad)
    func rejects(_ row: Bad) {
        #expect(throws: row.error) { try ArgumentParser.parse(row.arguments) }
    }

    /// The sentence names the argument itself, as a whole word (so `--password` in a hint cannot stand in for
    /// `--pasword`, nor the command word for the option), and never what followed `=`.
    @Test(arguments: bad)
    func everyErrorNamesTheArgument(_ row: Bad) {
        let sentence = row.error.sentence
        #expect(Self.containsWord(sentence, row.named), "'\(row.named)' is not named: \(sentence)")
        #expect(!sentence.contains("s3cret"))
    }

    @Test func anUnknownOptionPointsAtTheCommandsHelp() {
        #expect(
            UsageError.unknownOption("--pasword", command: .login, nearest: .password).sentence.contains(
                "did you mean --password?"))
        #expect(
            UsageError.unknownOption("--pasword", command: .login, nearest: .password).sentence.contains(
                "'policy help login'"))
        #expect(
            UsageError.missingValue("-s", .server).sentence == "Option -s needs a value (a registry such as ghcr.io).")
    }

    @Test(arguments: [
        ("--pasword", Option.password), ("--usernme", .username), ("--ca-fil", .caFile), ("--time-out", .timeout)
    ])
    func nearestOptionFindsTheTypo(_ typed: String, _ expected: Option) {
        #expect(NearestOption.find(typed, for: .login) == expected)
    }

    @Test(arguments: ["--zzz", "--frobnicate", "-p"])
    func nearestOptionGuessesNothingFarAway(_ typed: String) {
        #expect(NearestOption.find(typed, for: .login) == nil)
    }

    /// Whether `word` occurs in `text` with no option-name character on either side.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        let isNameCharacter: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let characters = Array(text)
        let wanted = Array(word)
        guard !wanted.isEmpty, characters.count >= wanted.count else { return false }
        for start in 0...(characters.count - wanted.count)
        where Array(characters[start..<start + wanted.count]) == wanted {
            let before = start == 0 ? nil : characters[start - 1]
            let after = start + wanted.count == characters.count ? nil : characters[start + wanted.count]
            if !(before.map(isNameCharacter) ?? false) && !(after.map(isNameCharacter) ?? false) { return true }
        }
        return false
    }

    @Test(arguments: [
        ["login", "ghcr.io", "S3cr3t!pw"], ["logout", "ghcr.io", "S3cr3t!pw"], ["version", "S3cr3t!pw"],
        ["help", "login", "S3cr3t!pw"]
    ])
    func anExtraArgumentIsNeverQuoted(_ arguments: [String]) {
        #expect(throws: UsageError.self) { try ArgumentParser.parse(arguments) }
        do {
            _ = try ArgumentParser.parse(arguments)
        } catch {
            #expect(!error.sentence.contains("S3cr3t"))
        }
    }

    @Test func helpMentionsEveryOptionOfTheTable() {
        let help = HelpText.general() + CommandName.allCases.map(HelpText.command).joined()
        for option in Option.allCases {
            #expect(help.contains("--" + option.spec.long))
        }
        for code in ExitCode.allCases {
            #expect(help.contains("\(code.rawValue)   \(code.summary)"))
        }
    }
}
