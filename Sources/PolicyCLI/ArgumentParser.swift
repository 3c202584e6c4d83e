/// The command line after parsing: which command, which options, which operands.
struct ParsedArguments: Equatable {
    var command: CommandName?
    var values: [OptionID: String] = [:]
    var flags: Set<OptionID> = []
    var operands: [String] = []

    func value(_ id: OptionID) -> String? { values[id] }
    func has(_ id: OptionID) -> Bool { flags.contains(id) || values[id] != nil }
}

/// A mistake in the command line; `UsageMessages` words it. All exit 2.
enum UsageError: Error, Equatable {
    case unknownOption(String)
    case missingValue(String)
    case unexpectedValue(String)
    case unknownCommand(String)
    case optionNotForCommand(option: String, command: CommandName?)
    case unexpectedOperand(String, command: CommandName?)
}

/// The hand-rolled, table-driven parser: `--name value`, `--name=value`, `-s value`, `-svalue`, `--`;
/// global options before or after the command. The last of a repeated option wins.
enum ArgumentParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var remaining = arguments[...]
        var used: [(spec: OptionSpec, spelling: String)] = []
        while let argument = remaining.popFirst() {
            if argument == "--" {
                for operand in remaining { try addOperand(operand, to: &parsed) }
                break
            }
            if argument.hasPrefix("-") && argument != "-" {
                let (spec, spelling, inlineValue) = try lookUp(argument)
                used.append((spec, spelling))
                if spec.takesValue {
                    guard let value = inlineValue ?? remaining.popFirst() else { throw .missingValue(spelling) }
                    parsed.values[spec.id] = value
                } else {
                    guard inlineValue == nil else { throw .unexpectedValue(spelling) }
                    parsed.flags.insert(spec.id)
                }
            } else {
                try addOperand(argument, to: &parsed)
            }
        }
        for (spec, spelling) in used where !spec.isGlobal {
            guard let command = parsed.command, spec.commands.contains(command) else {
                throw .optionNotForCommand(option: spelling, command: parsed.command)
            }
        }
        return parsed
    }

    /// Finds the table row for `--name[=value]`, `-x` or `-xVALUE`. Errors name the option only, never
    /// the text glued to it: that may be a password given to a mistyped option.
    private static func lookUp(_ argument: String) throws(UsageError) -> (OptionSpec, String, String?) {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let name = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let spelling = "--" + name[0]
            guard let spec = OptionTable.spec(long: String(name[0])) else { throw .unknownOption(spelling) }
            return (spec, spelling, name.count == 2 ? String(name[1]) : nil)
        }
        let letters = argument.dropFirst()
        guard let letter = letters.first, let spec = OptionTable.spec(short: letter) else {
            throw .unknownOption(letters.first.map { "-" + String($0) } ?? argument)
        }
        let spelling = "-" + String(letter)
        let rest = letters.dropFirst()
        if rest.isEmpty { return (spec, spelling, nil) }
        guard spec.takesValue else { throw .unexpectedValue(spelling) }
        return (spec, spelling, String(rest.hasPrefix("=") ? rest.dropFirst() : rest))
    }

    private static func addOperand(_ operand: String, to parsed: inout ParsedArguments) throws(UsageError) {
        guard let command = parsed.command else {
            guard let command = CommandName(rawValue: operand) else { throw .unknownCommand(operand) }
            parsed.command = command
            return
        }
        let limit = command == .version ? 0 : 1
        guard parsed.operands.count < limit else { throw .unexpectedOperand(operand, command: command) }
        parsed.operands.append(operand)
    }
}
