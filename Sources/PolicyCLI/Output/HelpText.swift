/// Help screens, generated from the option table, `CommandName` and `ExitCode`, so they never drift from
/// the parser or the exit codes.
enum HelpText {
    static let version = "0.4.0"

    static func general() -> String {
        var lines = [
            "policy — log in to OCI container registries and store the credentials",
            "",
            "Usage: policy [global options] <command> [options]",
            "",
            "Commands:"
        ]
        lines += CommandName.allCases.map { "  " + pad($0.rawValue, to: 10) + $0.summary }
        lines += ["", "Global options:"] + optionLines(Option.allCases.filter(\.isGlobal))
        lines += ["", "Run 'policy help <command>' for the options of a command."] + exitCodeLines()
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ command: CommandName) -> String {
        var lines = [
            command.summary + ".",
            "",
            "Usage: policy \(command.rawValue) [options]\(command.operandUsage)"
        ]
        let own = Option.allCases.filter { $0.spec.commands.contains(command) }
        if !own.isEmpty { lines += ["", "Options:"] + optionLines(own) }
        lines += ["", "Global options:"] + optionLines(Option.allCases.filter(\.isGlobal))
        if let example = command.example { lines += ["", "Example:", "  " + example] }
        if command == .completion {
            lines += ["", "Installing the script (make install puts it where each shell looks):"]
            lines += CompletionShell.allCases.flatMap(\.installation).map { "  " + $0 }
        }
        if command.talksToStores { lines += exitCodeLines() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func exitCodeLines() -> [String] {
        ["", "Exit codes:"] + ExitCode.allCases.map { "  " + pad(String($0.rawValue), to: 4) + $0.summary }
    }

    private static func optionLines(_ options: [Option]) -> [String] {
        options.map { option in
            let spec = option.spec
            let short = spec.short.map { "-\($0), " } ?? "    "
            let value = spec.value.map { " " + $0.placeholder } ?? ""
            return "  " + pad(short + "--" + spec.long + value, to: 30) + spec.help
        }
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text + "  " : text + String(repeating: " ", count: width - text.count)
    }
}
