import RegistryAuth

/// What the completion scripts and the man page describe — commands, their options and operands, exit codes —
/// read from `Option`, `CommandName` and `ExitCode`. A value, so that a test can add a row to it and watch
/// every generator follow.
struct CommandLineModel {
    /// One command and what completes after it.
    struct Command {
        var name: String
        var summary: String
        /// ` [SERVER]`, as help's usage line has it.
        var operandUsage: String
        var operands: OperandCompletion
        /// The command's own options, in table order (global ones are in `globalOptions`).
        var options: [OptionSpec]
        var example: String?
    }

    var version: String
    var globalOptions: [OptionSpec]
    var commands: [Command]
    var exitCodes: [(code: Int32, summary: String)]
    /// The option that names the config directory, which the scripts pass on to `policy __servers`.
    var configOption: OptionSpec

    /// The table as `policy` parses it.
    static var current: CommandLineModel {
        CommandLineModel(
            version: HelpText.version,
            globalOptions: Option.allCases.filter(\.isGlobal).map(\.spec),
            commands: CommandName.allCases.map { command in
                Command(
                    name: command.rawValue, summary: command.summary, operandUsage: command.operandUsage,
                    operands: command.operandCompletion,
                    options: Option.allCases.filter { $0.spec.commands.contains(command) }.map(\.spec),
                    example: command.example)
            },
            exitCodes: ExitCode.allCases.map { ($0.rawValue, $0.summary) },
            configOption: Option.config.spec)
    }

    /// Every option once, global ones first, in table order.
    var allOptions: [OptionSpec] {
        var seen: Set<String> = []
        return (globalOptions + commands.flatMap(\.options)).filter { seen.insert($0.long).inserted }
    }

    /// The options `command` accepts, its own and the global ones.
    func options(of command: Command) -> [OptionSpec] { globalOptions + command.options }

    /// `--long` and, where there is one, `-x`.
    static func spellings(_ option: OptionSpec) -> [String] {
        ["--" + option.long] + (option.short.map { ["-" + String($0)] } ?? [])
    }
}

extension OptionSpec {
    /// What completes as the option's value; nil for a flag. Read from the value's placeholder, so a new option
    /// whose value is a `FILE`, a `DIR` or a server completes like the others without a line here.
    var valueCompletion: ValueCompletion? {
        guard let value else { return nil }
        switch value.placeholder {
        case "FILE": return .file
        case "DIR": return .directory
        case "HOST[:PORT]": return .server
        case "REPO[:ACTIONS]":
            return .access(actions: ValueCompletion.actionLists(RepositoryAction.allCases.map(\.rawValue)))
        default: return .text
        }
    }
}
