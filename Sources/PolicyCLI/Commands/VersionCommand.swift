/// `policy version` (also `--version`): the version line.
struct VersionCommand: Command {
    let context: CommandContext

    init(_ parsed: ParsedArguments, context: CommandContext) {
        self.context = context
    }

    func run() {
        context.output.out("policy version \(HelpText.version)")
    }
}
