import PolicyBase

/// Saves and removes the credentials of a server. One implementation per backing store: the config file, a
/// helper. Both calls receive the config document being changed under the lock, because every store leaves a
/// trace there (the secret itself, or an empty `auths` entry).
public protocol CredentialWriter: Sendable {
    /// Saves `credentials` for `server`, replacing what was there.
    func store(_ credentials: Credentials, for server: String, in config: inout ConfigDocument) throws(StoreError)

    /// Removes what is stored for `server`.
    /// - Returns: whether there was anything to remove.
    func erase(server: String, in config: inout ConfigDocument) throws(StoreError) -> Bool
}
