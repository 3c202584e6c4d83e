/// Every option `policy` knows; the parser and the help text are both generated from `OptionTable.all`.
enum OptionID: Hashable, Sendable {
    case config, debug, help, version
    case server, username, password, passwordStdin, defaultDomain
    case insecure, plaintext, caFile, certFile, keyFile, timeout
}

/// The commands, in help order.
enum CommandName: String, CaseIterable, Sendable {
    case login, logout, help, version

    var summary: String {
        switch self {
        case .login: return "Log in to a container registry and store the credentials"
        case .logout: return "Remove stored credentials for a registry"
        case .help: return "Show help for policy or for a command"
        case .version: return "Print the version of policy"
        }
    }

    /// The operands the command accepts after its options, for its usage line.
    var operandUsage: String {
        switch self {
        case .login, .logout: return " [SERVER]"
        case .help: return " [COMMAND]"
        case .version: return ""
        }
    }
}

/// One row of the option table.
struct OptionSpec: Sendable {
    var id: OptionID
    var long: String
    var short: Character?
    /// The placeholder of the value (`DIR`); nil for a flag.
    var valueName: String?
    var help: String
    /// Commands the option applies to; empty means a global option.
    var commands: Set<CommandName> = []

    var takesValue: Bool { valueName != nil }
    var isGlobal: Bool { commands.isEmpty }
}

enum OptionTable {
    static let all: [OptionSpec] = [
        OptionSpec(id: .config, long: "config", short: "c", valueName: "DIR",
                   help: "Directory of config.json (default ~/.policy, or $POLICY_CONFIG_DIR)"),
        OptionSpec(id: .debug, long: "debug", valueName: nil,
                   help: "Trace HTTP exchanges and store calls on stderr, secrets redacted"),
        OptionSpec(id: .help, long: "help", short: "h", valueName: nil, help: "Show help and exit"),
        OptionSpec(id: .version, long: "version", valueName: nil, help: "Print the version and exit"),

        OptionSpec(id: .server, long: "server", short: "s", valueName: "HOST[:PORT]",
                   help: "Registry address (a scheme and a trailing / or /v2/ are accepted)", commands: [.login, .logout]),
        OptionSpec(id: .username, long: "username", short: "u", valueName: "USER", help: "User name or account",
                   commands: [.login]),
        OptionSpec(id: .password, long: "password", short: "p", valueName: "SECRET",
                   help: "Password or token (insecure: prefer --password-stdin)", commands: [.login]),
        OptionSpec(id: .passwordStdin, long: "password-stdin", valueName: nil,
                   help: "Read the password or token from standard input", commands: [.login]),
        OptionSpec(id: .defaultDomain, long: "default-domain", short: "d", valueName: nil,
                   help: "Remember this server as the default for later commands without -s", commands: [.login]),
        OptionSpec(id: .insecure, long: "insecure", short: "k", valueName: nil,
                   help: "Do not verify the registry's TLS certificate", commands: [.login]),
        OptionSpec(id: .plaintext, long: "plaintext", valueName: nil, help: "Talk plain HTTP instead of HTTPS",
                   commands: [.login]),
        OptionSpec(id: .caFile, long: "ca-file", valueName: "FILE", help: "Trust the certificate authorities in this PEM file",
                   commands: [.login]),
        OptionSpec(id: .certFile, long: "cert-file", valueName: "FILE", help: "Client certificate (PEM) for mutual TLS",
                   commands: [.login]),
        OptionSpec(id: .keyFile, long: "key-file", valueName: "FILE", help: "Private key (PEM) of the client certificate",
                   commands: [.login]),
        OptionSpec(id: .timeout, long: "timeout", valueName: "SECONDS",
                   help: "Bound on each request, connection included (default 30)", commands: [.login]),
    ]

    static func spec(long: String) -> OptionSpec? { all.first { $0.long == long } }
    static func spec(short: Character) -> OptionSpec? { all.first { $0.short == short } }
    static func spec(_ id: OptionID) -> OptionSpec? { all.first { $0.id == id } }
}
