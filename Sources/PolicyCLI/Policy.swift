/// The entry point: parse, dispatch, turn failures into a sentence and an exit code.
enum Policy {
    static func run(_ arguments: [String]) -> ExitCode {
        let output = Output()
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments)
        } catch {
            output.error("Error: \(error)")
            return .usage
        }
        let context = CommandContext(
            output: output,
            configDirectoryIfKnown: ConfigLocation.directory(option: parsed.value(.config),
                                                      environment: ["POLICY_CONFIG_DIR": CommandContext.environmentValue("POLICY_CONFIG_DIR"),
                                                                    "HOME": CommandContext.environmentValue("HOME")].compactMapValues { $0 }),
            debug: parsed.has(.debug))
        do {
            try dispatch(parsed, context: context)
            return .success
        } catch {
            output.error("Error: \(error.message)")
            return error.exitCode
        }
    }

    private static func dispatch(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let output = context.output
        if parsed.has(.help) {
            output.raw(parsed.command.map(helpScreen) ?? HelpText.general())
            return
        }
        if parsed.has(.version) {
            output.out("policy version \(HelpText.version)")
            return
        }
        switch parsed.command {
        case nil:
            output.raw(HelpText.general())
            throw CommandUsage.failure("No command given.")
        case .help:
            guard let topic = parsed.operands.first else { return output.raw(HelpText.general()) }
            guard let command = CommandName(rawValue: topic) else {
                throw CommandUsage.failure(UsageError.unknownCommand(topic).description)
            }
            output.raw(helpScreen(command))
        case .version:
            output.out("policy version \(HelpText.version)")
        case .login:
            try LoginCommand(options: LoginOptions(parsed), context: context).run()
        case .logout:
            try LogoutCommand(parsed, context: context).run()
        }
    }

    private static func helpScreen(_ command: CommandName) -> String {
        command == .help ? HelpText.general() : HelpText.command(command)
    }
}
