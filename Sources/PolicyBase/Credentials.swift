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
    /// The secret's bytes, exactly as given or as another tool stored them: docker sends and stores passwords
    /// that are not UTF-8, so neither reading nor sending may repair them.
    public var secret: [UInt8]
    public var kind: Kind

    public init(username: String, secret: [UInt8], kind: Kind = .password) {
        self.username = username
        self.secret = secret
        self.kind = kind
    }

    public init(username: String, secret: String, kind: Kind = .password) {
        self.init(username: username, secret: Array(secret.utf8), kind: kind)
    }

    /// The secret as text, for what carries text only (a JSON string, a form field, a token's claims); nil when
    /// its bytes are not UTF-8.
    public var secretText: String? { String(validating: secret, as: UTF8.self) }
}
