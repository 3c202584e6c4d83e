/// What `GetAuthorizationToken` gave: the registry login `aws ecr get-login-password` would have printed.
public struct ECRAuthorization: Sendable, Equatable {
    /// `AWS`, from the token itself.
    public var username: String
    public var password: String
    /// When the password stops working (12 hours after it was issued), in Unix seconds.
    public var expiresAt: Int?
}
