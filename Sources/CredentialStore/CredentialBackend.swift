import PolicyBase

/// One place credentials are kept — config.json itself (`FileBackend`) or a credential helper (`HelperBackend`) —
/// with the four calls of the docker-credential-helpers protocol. `BackendFactory` makes the one the config names.
/// Every call receives the config document: each backend leaves a trace there (the secret itself, or an empty
/// `auths` entry), and changes are made to it under the config file's lock.
public protocol CredentialBackend: Sendable {
    /// Which store this is, as the config names it.
    var choice: BackendChoice { get }

    /// Checks, without changing anything anywhere, that the backend can be used (a helper is on PATH).
    func checkAvailable() throws(StoreError)

    /// Checks, before a login contacts its registry, that the backend can keep `credentials` exactly.
    func checkCanStore(_ credentials: Credentials) throws(StoreError)

    /// The credentials stored for `server`, nil when there are none.
    func get(_ server: String, in config: ConfigDocument) throws(StoreError) -> Credentials?

    /// Every server it holds credentials for, with the user name.
    func list(in config: ConfigDocument) throws(StoreError) -> [String: String]

    /// Saves `credentials` for `server`, replacing what was there.
    func store(_ credentials: Credentials, for server: String, in config: inout ConfigDocument) throws(StoreError)

    /// Removes what is stored for `server`, its `auths` entry included.
    /// - Returns: whether there was anything to remove.
    func erase(_ server: String, in config: inout ConfigDocument) throws(StoreError) -> Bool
}
