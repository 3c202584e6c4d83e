import CredentialStore

/// The server remembered by `policy login -d`, used by `login` and `logout` when no server is given.
enum DefaultDomain {
    /// The remembered server, or nil when none is set.
    /// - Throws: `StoreError` (exit 5) when config.json cannot be read.
    static func read(_ context: CommandContext) throws -> String? {
        let directory = try context.configDirectory()
        return try ConfigFile(directory: directory).read().defaultDomain
    }
}
