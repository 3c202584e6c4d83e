import PolicyBase

/// When a secret stops working, where its own form says so:
/// - an ECR password (what `aws ecr get-login-password` prints): base64 of a JSON object with `payload`,
///   `datakey`, `version`, `type` and `expiration` in Unix seconds — recognised by that form, not the host;
/// - a JWT (identity tokens, ACR refresh tokens, some passwords): its `exp` claim.
public enum CredentialExpiry {
    /// What kind of secret carried the expiry, for the advice on getting a new one.
    public enum Source: Sendable, Equatable {
        case ecrToken
        case jwt
    }

    /// The expiry of `secret` in Unix seconds, and what said so; nil when its form says nothing.
    public static func of(_ secret: String) -> (expires: Int, source: Source)? {
        if let expires = ecrExpiration(secret) { return (expires, .ecrToken) }
        if let expires = JWT.claims(of: secret)?["exp"]?.unixSeconds { return (expires, .jwt) }
        return nil
    }

    private static func ecrExpiration(_ secret: String) -> Int? {
        guard secret.utf8.count < 64 << 10, let bytes = Base64.decode(secret),
            let object = (try? JSONParser.parse(bytes))?.objectValue,
            ["payload", "datakey", "version", "type"].allSatisfy({ object[$0] != nil })
        else { return nil }
        return object["expiration"]?.unixSeconds
    }
}
