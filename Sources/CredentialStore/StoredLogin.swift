import PolicyBase

/// Credentials found in a store for a registry, and where.
public struct StoredLogin: Sendable, Equatable {
    /// The `auths` key or helper ServerURL they were found under.
    public var key: String
    public var credentials: Credentials
    public var choice: BackendChoice
    /// Whether this config records the login: an `auths` key, or a registry `credHelpers` routes. A helper shared
    /// with other tools (pass, osxkeychain, wincred, secretservice) also lists theirs; `logout --all` leaves those.
    public var recorded: Bool

    public init(key: String, credentials: Credentials, choice: BackendChoice, recorded: Bool = true) {
        self.key = key
        self.credentials = credentials
        self.choice = choice
        self.recorded = recorded
    }
}
