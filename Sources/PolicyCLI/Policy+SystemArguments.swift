/// The entry point as the system calls it: with the arguments' bytes, or nothing when they could not be found.
extension Policy {
    /// Runs the command line in `arguments` (after the program's name); nil: says they could not be read.
    static func run(
        systemArguments arguments: [[UInt8]]?, environment: Environment, output sink: any OutputSink
    )
        -> ExitCode
    {
        guard let arguments else {
            let output = Output(sink: sink)
            return checkWrites(output, report(ArgumentsUnreadable(), to: output))
        }
        // The text of each argument as `CommandLine.arguments` gives it: ill-formed UTF-8 repaired with U+FFFD.
        let text = arguments.map { String(decoding: $0, as: UTF8.self) }
        return run(text, raw: arguments, environment: environment, output: sink)
    }
}
