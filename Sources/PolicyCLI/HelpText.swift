/// Help screens, generated from `OptionTable` so they never drift from the parser.
enum HelpText {
    static let version = "0.3.0"

    static func general() -> String {
        var lines = [
            "policy — log in to OCI container registries and store the credentials",
            "",
            "Usage: policy [global options] <command> [options]",
            "",
            "Commands:",
        ]
        for command in CommandName.allCases {
            lines.append("  " + pad(command.rawValue, to: 10) + command.summary)
        }
        lines += ["", "Global options:"] + optionLines(OptionTable.all.filter(\.isGlobal))
        lines += ["", "Run 'policy help <command>' for the options of a command.", exitCodes]
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ command: CommandName) -> String {
        var lines = [
            command.summary + ".",
            "",
            "Usage: policy \(command.rawValue) [options]\(command.operandUsage)",
        ]
        let own = OptionTable.all.filter { $0.commands.contains(command) }
        if !own.isEmpty { lines += ["", "Options:"] + optionLines(own) }
        lines += ["", "Global options:"] + optionLines(OptionTable.all.filter(\.isGlobal))
        if command == .login {
            lines += ["", "Example:", "  echo \"$PAT\" | policy login -s ghcr.io -u USER --password-stdin", exitCodes]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let exitCodes = """

        Exit codes: 0 success, 1 unexpected, 2 usage, 3 credentials rejected,
                    4 network/TLS/protocol error, 5 local storage error
        """

    private static func optionLines(_ specs: [OptionSpec]) -> [String] {
        specs.map { spec in
            let short = spec.short.map { "-\($0), " } ?? "    "
            let value = spec.valueName.map { " " + $0 } ?? ""
            return "  " + pad(short + "--" + spec.long + value, to: 30) + spec.help
        }
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text + "  " : text + String(repeating: " ", count: width - text.count)
    }
}
