import PolicyBase

/// `policy completion bash|zsh|fish`: prints the completion script for the shell, generated from the option table.
struct CompletionCommand: Command {
    let shell: CompletionShell
    let context: CommandContext

    init(_ parsed: ParsedArguments, context: CommandContext) throws(UnknownShell) {
        guard let name = parsed.operands.first else { throw UnknownShell(typed: nil) }
        guard let shell = CompletionShell(rawValue: name) else { throw UnknownShell(typed: OutsideText(name, .word)) }
        self.shell = shell
        self.context = context
    }

    func run() {
        context.output.raw(shell.script())
    }
}
