import PolicyBase

/// `policy help [COMMAND]`: the general help, or one command's.
struct HelpCommand: Command {
    let topic: String?
    let context: CommandContext

    init(_ parsed: ParsedArguments, context: CommandContext) {
        topic = parsed.operands.first
        self.context = context
    }

    func run() throws {
        guard let topic else { return context.output.raw(HelpText.general()) }
        guard let command = CommandName(rawValue: topic) else {
            throw UsageError.unknownCommand(OutsideText(topic, .word))
        }
        context.output.raw(Self.screen(command))
    }

    /// The help screen of `command` (`policy help help` is the general one).
    static func screen(_ command: CommandName) -> String {
        command == .help ? HelpText.general() : HelpText.command(command)
    }
}
