import CredentialStore

/// What every command receives: where to print, its environment, where the config lives, whether to trace.
struct CommandContext {
    let output: Output
    let environment: Environment
    /// nil when there is neither an option, `$POLICY_CONFIG_DIR` nor a home directory.
    let configDirectoryIfKnown: String?
    let debug: Bool

    /// The config directory, for commands that read or write credentials.
    /// - Throws: `NoConfigDirectory` (exit 5) when no directory can be determined.
    func configDirectory() throws -> String {
        guard let directory = configDirectoryIfKnown else { throw NoConfigDirectory() }
        return directory
    }

    /// The server `policy login -d` remembered, in the config directory.
    func defaultDomain() throws -> DefaultDomain {
        DefaultDomain(directory: try configDirectory())
    }

    /// True when standard input is a terminal (prompts are allowed).
    var standardInputIsTerminal: Bool { environment.standardInputIsTerminal }
}
