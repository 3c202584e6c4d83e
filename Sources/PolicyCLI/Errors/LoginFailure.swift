import PolicyBase
import RegistryAuth

/// A login that could not be verified: the library's error with what the sentence needs to name.
struct LoginFailure: ReportableError {
    var error: LoginError
    var server: RegistryAddress
    var username: OutsideText
    /// True when the credentials were the stored ones, re-verified by `policy login` without new ones.
    var stored = false

    var exitCode: ExitCode {
        // Credentials too long to send are the user's input, like a secret over 1 MiB on stdin.
        if case .transport(_, .requestTooLarge) = error { return .usage }
        // A token that cannot go in a header is unusable credentials, never sent.
        if case .transport(_, .unsafeHeaderValue) = error { return .credentialsRejected }
        return error.refusedCredentials ? .credentialsRejected : .network
    }

    var sentence: String {
        switch error {
        case .credentialsRejected(let host, let status, let message):
            let whose = stored ? "the stored credentials of" : "the credentials of"
            let sentence =
                "Login to \(server) failed: \(host) rejected \(whose) '\(username)' (HTTP \(status)\(Self.detail(message)))."
            if stored { return sentence + " " + Self.replaceStored(server) }
            guard let hint = RegistryHints.forRejection(server: server, username: username, message: message) else {
                return sentence
            }
            return sentence + " " + hint
        case .identityTokenWithoutTokenService(let host):
            return
                "The stored credentials for \(server) are an identity token, but \(host) asks for a password (Basic authentication). \(Self.replaceStored(server))"
        case .transport(let host, let transportError):
            return transportError.sentence(host: host)
        case .unexpectedStatus(let host, let status, let message):
            return Self.unexpectedStatus(host: host, status: status, message: message, server: server)
        case .missingChallenge(let host):
            return
                "\(host) answered HTTP 401 without a WWW-Authenticate header, so there is no way to log in; is it an OCI registry?"
        case .malformedChallenge(let host, let parseError):
            return
                "\(host) sent a WWW-Authenticate header that cannot be parsed (\(parseError.reason.text) at byte \(parseError.offset))."
        case .unsupportedChallenge(let host, let schemes):
            return
                "\(host) asks for authentication policy does not speak (\(schemes.map(\.description).joined(separator: ", "))); Basic and Bearer are supported."
        case .bearerWithoutRealm(let host):
            return
                "\(host) asks for a Bearer token without naming the token service to get it from (its WWW-Authenticate challenge has no realm), so there is no way to log in; is it an OCI registry, or did a proxy change the header?"
        case .invalidRealm(let realm):
            return "\(server) named a token service that is not an http(s) URL: '\(realm)'."
        case .insecureRealm(let realm):
            return
                "\(server) is reached over HTTPS but sends its token service over plain HTTP (\(realm)); refusing to send credentials unencrypted."
        case .invalidTokenReply(let host, .notJSON):
            return "The token service \(host) answered 200 but not with JSON; the login cannot be completed."
        case .invalidTokenReply(let host, .missingToken):
            return "The token service \(host) answered without a token (no 'token' or 'access_token' field)."
        case .redirectedElsewhere(let host, let target):
            return
                "\(host) redirected the login to another server (\(target)), which is never sent credentials; the login cannot be verified."
        }
    }

    /// How to replace stored credentials that no longer work.
    static func replaceStored(_ server: RegistryAddress) -> String {
        "Log in again with new ones: '\(LoginCommandLine.text(server: server.key))'."
    }

    private static func unexpectedStatus(
        host: String, status: Int, message: OutsideText?, server: RegistryAddress
    ) -> String {
        switch status {
        case 500...599:
            return
                "\(host) answered HTTP \(status)\(detail(message)): the registry or its token service is failing; try again later."
        case 429:
            return
                "\(host) answered HTTP 429\(detail(message)): too many requests (a rate limit, not a credentials problem); try again later."
        case 404:
            return "\(host) answered HTTP 404 to the registry API\(detail(message)); is \(server) an OCI registry?"
        case 400 where message?.description.lowercased().contains("http request to an https server") == true:
            return
                "\(host) speaks HTTPS, not plain HTTP (it answered HTTP 400\(detail(message))); drop --plaintext (and http:// from the server address)."
        case 431,
            400 where message.map(Self.saysHeadersTooLarge) == true:
            return
                "\(host) answered HTTP \(status)\(detail(message)): the request's headers, which carry the credentials, are too long for it; check that the password or token is the right one."
        case 400 where server.isECR:
            return
                "\(host) answered HTTP 400\(detail(message)); ECR answers so to a bad password or a region mismatch: check that the region in the server name matches your AWS CLI's."
        case 300...399:
            return "\(host) answered HTTP \(status) with a redirect that was not followed; check the server address."
        default:
            return "\(host) answered HTTP \(status)\(detail(message)), which a registry login does not expect."
        }
    }

    /// `: <what the server said>`, or nothing, for the middle of a sentence: without a final full stop. Server
    /// messages arrive already cleaned.
    static func detail(_ message: OutsideText?) -> String {
        guard let text = message?.description, !text.isEmpty else { return "" }
        return ": " + (text.hasSuffix(".") ? String(text.dropLast()) : text)
    }

    /// nginx's "Request Header Or Cookie Too Large", and the like.
    private static func saysHeadersTooLarge(_ message: OutsideText) -> Bool {
        let text = message.description.lowercased()
        return text.contains("header") && (text.contains("too large") || text.contains("too long"))
    }

}

extension ChallengeParseError.Reason {
    /// What is wrong at the error's position.
    var text: String {
        switch self {
        case .empty: return "it is empty"
        case .expectedScheme: return "an authentication scheme was expected"
        case .expectedParameterValue: return "a parameter has no value"
        case .unterminatedQuotedString: return "a quoted string is not terminated"
        case .invalidCharacter: return "an unexpected character"
        }
    }
}
