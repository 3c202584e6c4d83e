import PolicyBase

/// The command line after parsing: which command, which options, which operands.
struct ParsedArguments: Equatable {
    var command: CommandName?
    var values: [Option: String] = [:]
    var flags: Set<Option> = []
    var operands: [String] = []
    /// Every value of a repeatable option, in order (`values` holds the last).
    var repeated: [Option: [String]] = [:]
    /// Each value's bytes as the system passed them: a `String` repairs bytes that are not UTF-8, and a password
    /// must reach the registry exactly as given.
    var valueBytes: [Option: [UInt8]] = [:]

    func value(_ option: Option) -> String? { values[option] }
    func bytes(_ option: Option) -> [UInt8]? { valueBytes[option] }
    func all(_ option: Option) -> [String] { repeated[option] ?? values[option].map { [$0] } ?? [] }
    func has(_ option: Option) -> Bool { flags.contains(option) || values[option] != nil }
}

/// The hand-rolled, table-driven parser: `--name value`, `--name=value`, `-s value`, `-svalue`, `--`;
/// global options before or after the command. The last of a repeated option wins.
enum ArgumentParser {
    /// - Parameter raw: the same arguments as the system's bytes (argv), where a value's exact bytes are read
    ///   from; nil when the arguments are all the text there is.
    static func parse(_ arguments: [String], raw: [[UInt8]]? = nil) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var remaining = arguments[...]
        var used: [(option: Option, spelling: String)] = []
        while let position = remaining.indices.first, let argument = remaining.popFirst() {
            if argument == "--" {
                for operand in remaining { try addOperand(operand, to: &parsed) }
                break
            }
            guard isOptionShaped(argument) else {
                try addOperand(argument, to: &parsed)
                continue
            }
            guard let (option, spelling, inlineValue) = try lookUp(argument) else {
                let command = parsed.command ?? arguments.lazy.compactMap(CommandName.init(rawValue:)).first
                throw .unknownOption(
                    OutsideText(spellingOfUnknown(argument), .word), command: command,
                    nearest: NearestOption.find(spellingOfUnknown(argument), for: command))
            }
            used.append((option, spelling))
            if option.spec.value != nil {
                // `-s -u alice`: an option where the value belongs means the value was forgotten.
                let value: String
                let bytes: [UInt8]
                if let inlineValue {
                    value = inlineValue
                    // `--name=` and `-x` are ASCII: the value is what follows them in the raw argument too.
                    let prefix = argument.utf8.count - inlineValue.utf8.count
                    bytes = raw.map { Array($0[position].dropFirst(prefix)) } ?? Array(value.utf8)
                } else if let next = remaining.indices.first, !looksLikeOption(remaining[next]) {
                    value = remaining.removeFirst()
                    bytes = raw?[next] ?? Array(value.utf8)
                } else {
                    throw .missingValue(spelling, option)
                }
                parsed.values[option] = value
                parsed.valueBytes[option] = bytes
                if option.spec.repeatable { parsed.repeated[option, default: []].append(value) }
            } else {
                guard inlineValue == nil else { throw .unexpectedValue(spelling) }
                parsed.flags.insert(option)
            }
        }
        for (option, spelling) in used where !option.applies(to: parsed.command) {
            throw .optionNotForCommand(option: spelling, command: parsed.command)
        }
        return parsed
    }

    private static func isOptionShaped(_ argument: String) -> Bool {
        argument.hasPrefix("-") && argument != "-"
    }

    /// True for an argument that is an option of the table by itself (`-u`, `--username`, `--username=x`).
    /// `-abc` is not: a password may start with a dash.
    private static func looksLikeOption(_ argument: String) -> Bool {
        if argument.hasPrefix("--") { return (try? lookUp(argument)) != nil }
        return argument.count == 2 && argument.hasPrefix("-") && Option.named(short: argument.last!) != nil
    }

    /// Finds the table row for `--name[=value]`, `-x` or `-xVALUE`; nil when the name is not in the table.
    private static func lookUp(_ argument: String) throws(UsageError) -> (Option, String, String?)? {
        if argument.hasPrefix("--") {
            let name = argument.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let option = Option.named(long: name[0]) else { return nil }
            return (option, "--" + name[0], name.count == 2 ? String(name[1]) : nil)
        }
        let letters = argument.dropFirst()
        guard let letter = letters.first, let option = Option.named(short: letter) else { return nil }
        let spelling = "-" + String(letter)
        let rest = letters.dropFirst()
        if rest.isEmpty { return (option, spelling, nil) }
        guard option.spec.value != nil else { throw .unexpectedValue(spelling) }
        return (option, spelling, String(rest.hasPrefix("=") ? rest.dropFirst() : rest))
    }

    /// The option's name only, never text glued to it: that may be a password given to a mistyped option.
    private static func spellingOfUnknown(_ argument: String) -> String {
        if argument.hasPrefix("--") {
            return "--"
                + (argument.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first
                    ?? "")
        }
        return argument.dropFirst().first.map { "-" + String($0) } ?? argument
    }

    private static func addOperand(_ operand: String, to parsed: inout ParsedArguments) throws(UsageError) {
        guard let command = parsed.command else {
            guard let command = CommandName(rawValue: operand) else {
                throw .unknownCommand(OutsideText(operand, .word))
            }
            parsed.command = command
            return
        }
        guard parsed.operands.count < command.operandLimit else { throw .unexpectedOperand(command: command) }
        parsed.operands.append(operand)
    }
}

/// The option a mistyped name most likely meant, among those that apply to the command.
enum NearestOption {
    static func find(_ spelling: String, for command: CommandName?) -> Option? {
        guard spelling.hasPrefix("--") else { return nil }
        let typed = Array(spelling.dropFirst(2).lowercased().utf8)
        guard typed.count >= 2 else { return nil }
        let scored = Option.allCases.filter { $0.applies(to: command) }.map { option in
            (option, distance(typed, Array(option.spec.long.utf8)))
        }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = max(1, min(3, best.0.spec.long.count / 3))
        return best.1 <= allowed ? best.0 : nil
    }

    /// Levenshtein distance between two byte strings.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
