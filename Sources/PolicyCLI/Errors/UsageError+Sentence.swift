import PolicyBase

/// The sentences for command-line mistakes the parser finds (exit 2).
extension UsageError: ReportableError {
    var exitCode: ExitCode { .usage }

    var sentence: String {
        switch self {
        case .unknownOption(let typed, let command, let nearest):
            let option = typed
            let guess = nearest.map { "; did you mean --\($0.spec.long)?" } ?? "."
            guard let command else { return "Unknown option \(option)\(guess) Run 'policy help' for the options." }
            return
                "Unknown option \(option) for 'policy \(command.rawValue)'\(guess) Run 'policy help \(command.rawValue)' for its options."
        case .missingValue(let option, let target):
            return "Option \(option) needs a value (\(target.spec.value?.example ?? "a value"))."
        case .unexpectedValue(let option):
            return "Option \(option) does not take a value."
        case .unknownCommand(let command):
            let names = CommandName.allCases.map(\.rawValue)
            return
                "Unknown command '\(command)'; the commands are \(names.dropLast().joined(separator: ", ")) and \(names.last ?? "")."
        case .optionNotForCommand(let option, let command):
            guard let command else {
                return "Option \(option) needs a command before it, e.g. 'policy login \(option) …'."
            }
            return
                "Option \(option) does not apply to 'policy \(command.rawValue)'; run 'policy help \(command.rawValue)' for its options."
        case .unexpectedOperand(let command):
            // The extra argument is not quoted: it is often a password typed without -p.
            guard command.operandLimit > 0 else { return "'policy \(command.rawValue)' takes no arguments." }
            guard command.operandLimit == 1 else {
                return
                    "'policy \(command.rawValue)' takes at most \(command.operandLimit) servers; remove the extra ones."
            }
            let operand = command == .help ? "a command name" : "the server"
            return "'policy \(command.rawValue)' takes at most one argument, \(operand); remove the extra one."
        }
    }
}
