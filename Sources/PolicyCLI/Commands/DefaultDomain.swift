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

    /// Remembers `server` in the file, then drops the legacy key from config.json (only once the file holds the
    /// default, so a failed write loses nothing).
    static func remember(_ server: String, _ context: CommandContext) throws {
        let directory = try context.configDirectory()
        try DefaultDomainFile(directory: directory).write(server)
        let config = ConfigFile(directory: directory)
        guard try config.read().legacyDefaultDomain != nil else { return }
        try config.update { document in document.legacyDefaultDomain = nil }
    }
}
