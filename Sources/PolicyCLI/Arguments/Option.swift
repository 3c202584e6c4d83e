/// Every option `policy` knows. The parser, the help screens and the "did you mean" hints all read `spec`,
/// whose switch is exhaustive: a new case cannot be added without its row.
enum Option: CaseIterable, Hashable, Sendable {
    case config, debug, help, version
    case server, username, password, passwordStdin, defaultDomain
    case insecure, plaintext, caFile, certFile, keyFile, timeout, checkAccess
    case all, verify, json

    var spec: OptionSpec {
        switch self {
        case .config:
            OptionSpec(
                long: "config", short: "c", value: OptionValue("DIR", "a directory"),
                help: "Directory of config.json (default ~/.policy, or $POLICY_CONFIG_DIR)")
        case .debug:
            OptionSpec(long: "debug", help: "Trace HTTP exchanges and store calls on stderr, secrets redacted")
        case .help:
            OptionSpec(long: "help", short: "h", help: "Show help and exit")
        case .version:
            OptionSpec(long: "version", help: "Print the version and exit")
        case .server:
            OptionSpec(
                long: "server", short: "s", value: OptionValue("HOST[:PORT]", "a registry such as ghcr.io"),
                help: "Registry address (a scheme and a trailing / or /v2/ are accepted)", commands: [.login, .logout])
        case .username:
            OptionSpec(
                long: "username", short: "u", value: OptionValue("USER", "a user name"),
                help: "User name or account", commands: [.login])
        case .password:
            OptionSpec(
                long: "password", short: "p", value: OptionValue("SECRET", "a password or token"),
                help: "Password or token (insecure: prefer --password-stdin)", commands: [.login])
        case .passwordStdin:
            OptionSpec(
                long: "password-stdin", help: "Read the password or token from standard input", commands: [.login])
        case .defaultDomain:
            OptionSpec(
                long: "default-domain", short: "d",
                help: "Remember this server as the default for later commands without -s", commands: [.login])
        case .insecure:
            OptionSpec(
                long: "insecure", short: "k", help: "Do not verify the registry's TLS certificate", commands: networked)
        case .plaintext:
            OptionSpec(long: "plaintext", help: "Talk plain HTTP instead of HTTPS", commands: networked)
        case .caFile:
            OptionSpec(
                long: "ca-file", value: OptionValue("FILE", "a PEM file"),
                help: "Trust the certificate authorities in this PEM file", commands: networked)
        case .certFile:
            OptionSpec(
                long: "cert-file", value: OptionValue("FILE", "a PEM file"),
                help: "Client certificate (PEM) for mutual TLS", commands: networked)
        case .keyFile:
            OptionSpec(
                long: "key-file", value: OptionValue("FILE", "a PEM file"),
                help: "Private key (PEM) of the client certificate", commands: networked)
        case .timeout:
            OptionSpec(
                long: "timeout", value: OptionValue("SECONDS", "a number of seconds"),
                help: "Bound on each request, connection included (default 30)", commands: networked)
        case .checkAccess:
            OptionSpec(
                long: "check-access", value: OptionValue("REPO[:ACTIONS]", "a repository such as org/policy:pull,push"),
                help: "After verifying, check pull and/or push on REPO (repeatable)", commands: [.login],
                repeatable: true)
        case .all:
            OptionSpec(long: "all", help: "Remove every stored login", commands: [.logout])
        case .verify:
            OptionSpec(long: "verify", help: "Re-check each stored login with its registry", commands: [.status])
        case .json:
            OptionSpec(long: "json", help: "Print the logins as JSON (one object per login)", commands: [.status])
        }
    }

    /// The commands that talk to registries and take the network options.
    private var networked: Set<CommandName> { [.login, .status] }

    var isGlobal: Bool { spec.commands.isEmpty }

    /// Whether the option may be used with `command` (nil: before any command, where only global ones fit).
    func applies(to command: CommandName?) -> Bool {
        isGlobal || command.map(spec.commands.contains) == true
    }

    static func named(long: some StringProtocol) -> Option? { allCases.first { $0.spec.long == long } }
    static func named(short: Character) -> Option? { allCases.first { $0.spec.short == short } }
}
