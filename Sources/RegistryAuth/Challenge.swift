/// One authentication challenge from a `WWW-Authenticate` header (RFC 7235).
public struct Challenge: Sendable, Equatable {
    /// The auth scheme, lower-cased (`basic`, `bearer`, …).
    public var scheme: String
    /// Parameters by lower-cased name; values unquoted and unescaped. The first of duplicate names wins.
    public var parameters: [String: String]
    /// The token68 form (`Negotiate abc==`), when the challenge used it instead of parameters.
    public var token68: String?

    public init(scheme: String, parameters: [String: String] = [:], token68: String? = nil) {
        self.scheme = scheme.lowercased()
        self.parameters = parameters
        self.token68 = token68
    }
}

/// What a registry asks for, reduced to the schemes `policy` can answer.
public enum AuthChallenge: Sendable, Equatable {
    case basic
    /// Token authentication: ask `realm` for a token, passing `service` and `scope` only when given.
    case bearer(realm: String, service: String?, scope: String?)

    /// Picks the challenge to answer: Bearer (with a realm) first, as docker does, then Basic.
    /// - Returns: nil when no challenge uses a supported scheme.
    public static func select(from challenges: [Challenge]) -> AuthChallenge? {
        if let bearer = challenges.first(where: { $0.scheme == "bearer" && !($0.parameters["realm"] ?? "").isEmpty }) {
            let service = bearer.parameters["service"].flatMap { $0.isEmpty ? nil : $0 }
            let scope = bearer.parameters["scope"].flatMap { $0.isEmpty ? nil : $0 }
            return .bearer(realm: bearer.parameters["realm"] ?? "", service: service, scope: scope)
        }
        if challenges.contains(where: { $0.scheme == "basic" }) { return .basic }
        return nil
    }
}
