/// One row of the option table.
struct OptionSpec: Sendable {
    var long: String
    var short: Character?
    /// nil for a flag.
    var value: OptionValue?
    var help: String
    /// Commands the option applies to; empty means a global option.
    var commands: Set<CommandName> = []
    /// Whether every occurrence counts (`--check-access a --check-access b`); otherwise the last one wins.
    var repeatable = false

    init(
        long: String, short: Character? = nil, value: OptionValue? = nil, help: String, commands: Set<CommandName> = [],
        repeatable: Bool = false
    ) {
        self.long = long
        self.short = short
        self.value = value
        self.help = help
        self.commands = commands
        self.repeatable = repeatable
    }
}
