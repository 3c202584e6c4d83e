/// A user name and its secret (password or token), as a registry login uses them.
public struct Credentials: Sendable, Equatable {
    public var username: String
    public var secret: String

    public init(username: String, secret: String) {
        self.username = username
        self.secret = secret
    }
}

/// Reads the credentials stored for a server. One implementation per backing store: the config file, a helper.
public protocol CredentialReader: Sendable {
    /// The credentials stored for `server` (a `host[:port]` key), or nil when there are none.
    /// - Parameter config: the config document, read under the lock.
    func credentials(for server: String, in config: ConfigDocument) throws(StoreError) -> Credentials?
}

/// Saves and removes the credentials of a server. Both calls receive the config document being changed
/// under the lock, because every store leaves a trace there (the secret itself, or an empty `auths` entry).
public protocol CredentialWriter: Sendable {
    /// Saves `credentials` for `server`, replacing what was there.
    func store(_ credentials: Credentials, for server: String, in config: inout ConfigDocument) throws(StoreError)

    /// Removes what is stored for `server`.
    /// - Returns: whether there was anything to remove.
    func erase(server: String, in config: inout ConfigDocument) throws(StoreError) -> Bool
}
