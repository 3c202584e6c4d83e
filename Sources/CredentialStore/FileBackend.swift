import PolicyBase

/// Credentials kept in config.json itself: `auths[server].auth = base64(user:secret)`, docker's format.
public struct FileBackend: CredentialBackend {
    public init() {}

    public var choice: BackendChoice { .file }

    public func checkAvailable() {}

    /// config.json keeps any bytes: `auth` is base64.
    public func checkCanStore(_ credentials: Credentials) {}

    public func get(_ server: String, in config: ConfigDocument) -> Credentials? {
        config.storedCredentials(for: server)
    }

    /// Every `auths` key whose entry holds readable credentials.
    public func list(in config: ConfigDocument) -> [String: String] {
        var found: [String: String] = [:]
        for key in (config.members["auths"]?.objectValue ?? [:]).keys {
            if let credentials = config.storedCredentials(for: key) { found[key] = credentials.username }
        }
        return found
    }

    public func store(
        _ credentials: Credentials, for server: String, in config: inout ConfigDocument
    ) throws(StoreError) {
        try config.setBasicAuth(server: server, username: credentials.username, secret: credentials.secret)
    }

    public func erase(_ server: String, in config: inout ConfigDocument) throws(StoreError) -> Bool {
        try config.removeAuthEntry(server: server)
    }
}
