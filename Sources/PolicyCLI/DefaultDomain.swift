import CredentialStore

/// The server remembered by `policy login -d`, used by commands given no server. It lives in
/// `<config dir>/default-domain.cfg`, where the policy CLI keeps it; a `defaultDomain` key an earlier policy
/// wrote into config.json is honoured while that file is absent.
enum DefaultDomain {
    /// The remembered server, or nil when none is set.
    /// - Throws: `StoreError` (exit 5) when a file cannot be read.
    static func read(_ context: CommandContext) throws -> String? {
        let directory = try context.configDirectory()
        if let server = try DefaultDomainFile(directory: directory).read() { return server }
        return try ConfigFile(directory: directory).read().legacyDefaultDomain
    }

    /// Remembers `server` in the file.
    static func remember(_ server: String, _ context: CommandContext) throws {
        try DefaultDomainFile(directory: try context.configDirectory()).write(server)
    }
}
