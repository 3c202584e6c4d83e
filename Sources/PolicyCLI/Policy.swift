/// The entry point: parse, dispatch, turn failures into a sentence and an exit code.
enum Policy {
    /// Runs one command line to completion. Everything it prints goes to `sink`; every error ends as
    /// `Error: <sentence>` on stderr and its exit code.
    /// - Parameters:
    ///   - raw: the arguments' bytes as the system passed them (a password need not be UTF-8); nil: their text.
    ///   - makeTransport: how registries are reached (libcurl; tests script the exchanges).
    ///   - makeAWSTransport: how a native ECR login reaches AWS (libcurl with SigV4; tests script it too).
    static func run(
        _ arguments: [String], raw: [[UInt8]]? = nil, environment: Environment, output sink: any OutputSink,
        makeTransport: @escaping TransportFactory = CommandContext.curlTransport,
        makeAWSTransport: @escaping AWSTransportFactory = CommandContext.curlAWSTransport
    ) -> ExitCode {
        let output = Output(sink: sink)
        if let name = arguments.first, let hidden = HiddenCommand(rawValue: name) {
            return checkWrites(
                output, hidden.run(Array(arguments.dropFirst()), environment: environment, output: output))
        }
        let code: ExitCode
        do {
            let parsed = try ArgumentParser.parse(arguments, raw: raw)
            let context = CommandContext(
                output: output, environment: environment,
                configDirectoryIfKnown: ConfigLocation.directory(
                    option: parsed.value(.config), environment: environment.variables),
                debug: parsed.has(.debug), makeTransport: makeTransport, makeAWSTransport: makeAWSTransport)
            try dispatch(parsed, context: context)
            code = .success
        } catch {
            code = report(error, to: output)
        }
        return checkWrites(output, code)
    }

    /// A failed write ends `policy` with a non-zero exit, as in coreutils: one sentence on stderr when stdout
    /// failed and stderr still works; nothing when stdout is a closed pipe (the reader went away on purpose,
    /// as `head` does) or when stderr itself failed. A command's own error keeps its exit code.
    static func checkWrites(_ output: Output, _ code: ExitCode) -> ExitCode {
        let failed = OutputWriteFailure.exitCode
        if let error = output.failure(of: .standardOutput) {
            if error != .brokenPipe {
                output.error("Error: " + OutputWriteFailure(stream: .standardOutput, error: error).sentence)
            }
            return code == .success ? failed : code
        }
        return output.failure(of: .standardError) != nil && code == .success ? failed : code
    }

    /// Prints `Error: <sentence>` on stderr and returns the exit code; an error that is not reportable is an
    /// internal one (exit 1).
    static func report(_ error: any Error, to output: Output) -> ExitCode {
        let reportable = error as? any ReportableError ?? InternalError(detail: String(describing: type(of: error)))
        output.error("Error: " + reportable.sentence)
        return reportable.exitCode
    }

    private static func dispatch(_ parsed: ParsedArguments, context: CommandContext) throws {
        if parsed.has(.help) {
            return context.output.raw(parsed.command.map(HelpCommand.screen) ?? HelpText.general())
        }
        if parsed.has(.version) { return VersionCommand(parsed, context: context).run() }
        guard let command = parsed.command else {
            context.output.raw(HelpText.general())
            throw NoCommand()
        }
        try command.type.init(parsed, context: context).run()
    }
}
