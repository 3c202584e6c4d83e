/// A user name and its secret (password or token): what a login verifies and a store keeps.
public struct Credentials: Sendable, Equatable {
    public var username: String
    public var secret: String

    public init(username: String, secret: String) {
        self.username = username
        self.secret = secret
    }
}
