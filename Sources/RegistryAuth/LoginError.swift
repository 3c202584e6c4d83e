import PolicyBase

/// Why a login could not be verified. The command line turns each case into a sentence and an exit code.
public enum LoginError: Error, Sendable, Equatable {
    /// The registry or its token service answered 401/403 to the credentials.
    case credentialsRejected(host: String, status: Int, serverMessage: OutsideText?)
    /// No response: DNS, connection, TLS, timeout, size cap.
    case transport(host: String, TransportError)
    /// A status the flow does not expect at that step (404, 5xx, 400 …).
    case unexpectedStatus(host: String, status: Int, serverMessage: OutsideText?)
    /// A 401 without any `WWW-Authenticate` header.
    case missingChallenge(host: String)
    case malformedChallenge(host: String, ChallengeParseError)
    /// Challenges in schemes `policy` cannot answer (e.g. only Negotiate).
    case unsupportedChallenge(host: String, schemes: [OutsideText])
    /// A Bearer challenge (and no Basic one) without the `realm` that names the token service to ask.
    case bearerWithoutRealm(host: String)
    /// The realm is not an http(s) URL.
    case invalidRealm(realm: OutsideText)
    /// A realm over plain http while the registry was reached over https.
    case insecureRealm(realm: OutsideText)
    case invalidTokenReply(host: String, TokenReplyError)
    /// A request carrying credentials was redirected to another scheme, host or port. libcurl did not forward
    /// the credentials there, so the answer from `target` says nothing about them.
    case redirectedElsewhere(host: String, target: OutsideText)
    /// Stored credentials are an identity token (OAuth2 refresh token), but the registry asks for Basic
    /// authentication, which has no use for one.
    case identityTokenWithoutTokenService(host: String)

    /// Whether the registry or its token service refused the credentials themselves (new ones would help), as
    /// opposed to a failure to reach or understand the server (they may well be valid).
    public var refusedCredentials: Bool {
        switch self {
        case .credentialsRejected, .identityTokenWithoutTokenService: true
        case .transport, .unexpectedStatus, .missingChallenge, .malformedChallenge, .unsupportedChallenge,
            .invalidRealm,
            .insecureRealm, .invalidTokenReply, .redirectedElsewhere, .bearerWithoutRealm:
            false
        }
    }
}
