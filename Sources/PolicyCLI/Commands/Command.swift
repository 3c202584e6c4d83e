/// The shape of every command: made from the parsed command line and the context — where its usage errors
/// surface, before any I/O — and then run once.
protocol Command {
    init(_ parsed: ParsedArguments, context: CommandContext) throws
    func run() throws
}

extension CommandName {
    /// The type that carries out the command. The switch is exhaustive: a new command needs its type.
    var type: any Command.Type {
        switch self {
        case .login: LoginCommand.self
        case .logout: LogoutCommand.self
        case .status: StatusCommand.self
        case .help: HelpCommand.self
        case .version: VersionCommand.self
        }
    }
}
