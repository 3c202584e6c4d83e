import PolicyBase

/// The entry point: parse, dispatch, turn failures into a sentence and an exit code.
enum Policy {
    /// Runs one command line to completion. Everything it prints goes to `sink`; every error ends as
    /// `Error: <sentence>` on stderr and its exit code.
    /// - Parameters:
    ///   - raw: the arguments' bytes as the system passed them (a password need not be UTF-8); nil: their text.
    ///   - makeTransport: how registries are reached (libcurl; tests script the exchanges).
    static func run(_ arguments: [String], raw: [[UInt8]]? = nil, environment: Environment, output sink: any OutputSink,
                    makeTransport: @escaping TransportFactory = CommandContext.curlTransport) -> ExitCode {
        let output = Output(sink: sink)
        do {
            let parsed = try ArgumentParser.parse(arguments, raw: raw)
            let context = CommandContext(
                output: output, environment: environment,
                configDirectoryIfKnown: ConfigLocation.directory(option: parsed.value(.config), environment: environment.variables),
                debug: parsed.has(.debug), makeTransport: makeTransport)
            try dispatch(parsed, context: context)
            return .success
        } catch {
            return report(error, to: output)
        }
    }

    /// Prints `Error: <sentence>` on stderr and returns the exit code; an error that is not reportable is an
    /// internal one (exit 1).
    static func report(_ error: any Error, to output: Output) -> ExitCode {
        let reportable = error as? any ReportableError ?? InternalError(detail: String(describing: type(of: error)))
        output.error("Error: " + reportable.sentence)
        return reportable.exitCode
    }

    private static func dispatch(_ parsed: ParsedArguments, context: CommandContext) throws {
        let output = context.output
        if parsed.has(.help) {
            return output.raw(parsed.command.map(helpScreen) ?? HelpText.general())
        }
        if parsed.has(.version) {
            return output.out("policy version \(HelpText.version)")
        }
        switch parsed.command {
        case nil:
            output.raw(HelpText.general())
            throw NoCommand()
        case .help:
            guard let topic = parsed.operands.first else { return output.raw(HelpText.general()) }
            guard let command = CommandName(rawValue: topic) else { throw UsageError.unknownCommand(OutsideText(topic, .word)) }
            output.raw(helpScreen(command))
        case .version:
            output.out("policy version \(HelpText.version)")
        case .login:
            try LoginCommand(options: LoginOptions(parsed), context: context).run()
        case .logout:
            try LogoutCommand(parsed, context: context).run()
        case .status:
            try StatusCommand(parsed, context: context).run()
        }
    }

    private static func helpScreen(_ command: CommandName) -> String {
        command == .help ? HelpText.general() : HelpText.command(command)
    }
}
