/// What a completion script offers for a command's operands.
enum OperandCompletion: Equatable {
    case none
    /// The servers already stored.
    case servers
    /// Fixed words: command names for `help`, shells for `completion`.
    case words([String])
}

extension CommandName {
    /// What completes as the command's operands.
    var operandCompletion: OperandCompletion {
        switch self {
        case .login, .logout, .status: .servers
        case .completion: .words(CompletionShell.allCases.map(\.rawValue))
        case .help: .words(CommandName.allCases.map(\.rawValue))
        case .version: .none
        }
    }
}
