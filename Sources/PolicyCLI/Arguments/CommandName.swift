/// The commands, in help order.
enum CommandName: String, CaseIterable, Sendable {
    case login, logout, status, completion, help, version

    var summary: String {
        switch self {
        case .login: "Log in to a container registry and store the credentials"
        case .logout: "Remove stored credentials for a registry"
        case .status: "List stored logins; --verify re-checks them with their registries"
        case .completion: "Print a completion script for bash, zsh or fish"
        case .help: "Show help for policy or for a command"
        case .version: "Print the version of policy and of the libraries inside it"
        }
    }

    /// The operands the command accepts after its options, for its usage line.
    var operandUsage: String {
        switch self {
        case .login, .logout: " [SERVER]"
        case .status: " [SERVER...]"
        case .completion: " SHELL"
        case .help: " [COMMAND]"
        case .version: ""
        }
    }

    /// One typical command line, for help.
    var example: String? {
        switch self {
        case .login:
            "echo \"$PAT\" | policy login -s ghcr.io -u USER --password-stdin --check-access USER/policy:pull,push"
        case .logout: "policy logout -s ghcr.io"
        case .status: "policy status --verify"
        case .completion, .help, .version: nil
        }
    }

    /// Whether the command reads or writes stored credentials (its help lists the exit codes).
    var talksToStores: Bool { [.login, .logout, .status].contains(self) }

    /// How many operands the command takes at most.
    var operandLimit: Int {
        switch self {
        case .login, .logout, .completion, .help: 1
        case .status: 64
        case .version: 0
        }
    }
}
