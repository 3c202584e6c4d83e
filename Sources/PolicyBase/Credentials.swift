/// A user name and its secret: what a login verifies and a store keeps.
public struct Credentials: Sendable, Equatable {
    /// What the secret is.
    public enum Kind: Sendable, Equatable {
        /// A password or access token, sent with HTTP Basic (to the registry or its token service).
        case password
        /// An OAuth2 refresh token that `docker login` stored as `identitytoken`; it is exchanged for an access
        /// token at the token service and never stored by policy.
        case identityToken
    }

    public var username: String
    public var secret: String
    public var kind: Kind

    public init(username: String, secret: String, kind: Kind = .password) {
        self.username = username
        self.secret = secret
        self.kind = kind
    }
}
