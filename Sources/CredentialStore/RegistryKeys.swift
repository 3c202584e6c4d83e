import PolicyBase

/// The `auths` keys (and helper ServerURLs) that belong to one registry. The command line derives them from
/// the registry's address; this module only follows them.
public struct RegistryKeys: Sendable {
    /// The keys credentials are written under, the first looked up first.
    public var keys: [String]
    /// Whether another key names the same registry: an alias another tool or an older policy wrote
    /// (`https://ghcr.io`, `ghcr.io/v2/`, `docker.io`). Login replaces such entries, logout removes them.
    public var isAlias: @Sendable (String) -> Bool
    /// Keys that go with the registry's login without being a login of their own: docker's OAuth tokens
    /// (`https://index.docker.io/v1/access-token`, `…/refresh-token`). Logout removes them with it.
    public var companions: [String]

    public init(keys: [String], isAlias: @escaping @Sendable (String) -> Bool, companions: [String] = []) {
        self.keys = keys
        self.isAlias = isAlias
        self.companions = companions
    }

    /// The keys in `config` that belong to the registry but are not among `keys`, sorted.
    func aliases(in config: ConfigDocument) -> [String] {
        (config.members["auths"]?.objectValue?.keys).map { $0.filter { !keys.contains($0) && isAlias($0) }.sorted() }
            ?? []
    }
}
