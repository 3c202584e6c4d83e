import PolicyBase

/// Credentials kept in config.json itself: `auths[server].auth = base64(user:secret)`, docker's format.
public struct FileCredentialStore: CredentialWriter {
    /// The config file, for error messages.
    let path: String

    public init(path: String) {
        self.path = path
    }

    public func store(_ credentials: Credentials, for server: String, in config: inout ConfigDocument) throws(StoreError) {
        try config.setBasicAuth(server: server, username: credentials.username, secret: credentials.secret, path: path)
    }

    public func erase(server: String, in config: inout ConfigDocument) throws(StoreError) -> Bool {
        try config.removeAuthEntry(server: server, path: path)
    }
}
