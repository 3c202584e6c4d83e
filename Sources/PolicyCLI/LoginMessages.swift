import RegistryAuth

/// The sentences and exit codes for a login that could not be verified.
enum LoginMessages {
    static func failure(_ error: LoginError, server: RegistryAddress, username: String) -> CommandFailure {
        switch error {
        case .credentialsRejected(let host, let status, let message):
            var sentence = "Login to \(server) failed: \(host) rejected the credentials of '\(username)' (HTTP \(status)\(detail(message)))."
            if let hint = RegistryHints.forRejection(server: server, username: username, message: message) {
                sentence += " " + hint
            }
            return CommandFailure(message: sentence, exitCode: .credentialsRejected)
        case .transport(let host, let transportError):
            return CommandFailure(message: describe(transportError, host: host), exitCode: .network)
        case .unexpectedStatus(let host, let status, let message):
            return CommandFailure(message: unexpectedStatus(host: host, status: status, message: message, server: server),
                                  exitCode: .network)
        case .missingChallenge(let host):
            return network("\(host) answered HTTP 401 without a WWW-Authenticate header, so there is no way to log in; is it an OCI registry?")
        case .malformedChallenge(let host, let parseError):
            return network("\(host) sent a WWW-Authenticate header that cannot be parsed (\(parseError.reason.text) at byte \(parseError.offset)).")
        case .unsupportedChallenge(let host, let schemes):
            return network("\(host) asks for authentication policy does not speak (\(ServerText.clean(schemes.joined(separator: ", ")))); Basic and Bearer are supported.")
        case .invalidRealm(let realm):
            return network("\(server) named a token service that is not an http(s) URL: '\(ServerText.clean(realm))'.")
        case .insecureRealm(let realm):
            return network("\(server) is reached over HTTPS but sends its token service over plain HTTP (\(ServerText.clean(realm))); refusing to send credentials unencrypted.")
        case .invalidTokenReply(let host, .notJSON):
            return network("The token service \(host) answered 200 but not with JSON; the login cannot be completed.")
        case .invalidTokenReply(let host, .missingToken):
            return network("The token service \(host) answered without a token (no 'token' or 'access_token' field).")
        case .redirectedElsewhere(let host, let target):
            return network("\(host) redirected the login to another server (\(ServerText.clean(target))), which is never sent credentials; the login cannot be verified.")
        }
    }

    /// One sentence for a request that got no response.
    static func describe(_ error: TransportError, host: String) -> String {
        switch error {
        case .hostNotFound:
            return "Cannot reach \(host): the host name could not be resolved; check the server name and your DNS."
        case .connectionRefused:
            return "Cannot reach \(host): the connection was refused; is a registry listening on that port?"
        case .timedOut(let seconds):
            return "No answer from \(host) within \(seconds) seconds; raise --timeout if the registry is slow."
        case .untrustedCertificate(let detail):
            return "The TLS certificate of \(host) is not trusted (\(ServerText.clean(detail))); pass its certificate authority with --ca-file, or skip verification with -k."
        case .hostnameMismatch(let detail):
            return "The TLS certificate of \(host) was issued for another name (\(ServerText.clean(detail))); use the name on the certificate, or skip verification with -k."
        case .tlsHandshakeFailed(let detail):
            return "The TLS handshake with \(host) failed (\(ServerText.clean(detail))); if the registry speaks plain HTTP, use --plaintext."
        case .clientCertificateProblem(let detail):
            return "The client certificate for \(host) could not be used (\(ServerText.clean(detail))); check --cert-file and --key-file."
        case .clientCertificateRequired:
            return "\(host) requires a client certificate it trusts (mutual TLS); pass --cert-file and --key-file."
        case .connectionDropped(let detail):
            return "\(host) closed the connection (\(ServerText.clean(detail))); if it requires a client certificate (mutual TLS), pass --cert-file and --key-file."
        case .caFileProblem(let detail):
            return "The certificate authority file could not be used (\(ServerText.clean(detail))); check --ca-file."
        case .responseTooLarge(let limit):
            let size = limit > 0 ? " of more than \(limit / 1024) KiB" : ""
            return "\(host) sent a response\(size) where a small one was expected; the login was abandoned."
        case .emptyReply:
            return "\(host) closed the connection without answering; if the registry speaks HTTPS only on another port, check the server address."
        case .unsupported(let detail), .other(_, let detail):
            return "Cannot talk to \(host): \(ServerText.clean(detail))."
        }
    }

    private static func unexpectedStatus(host: String, status: Int, message: String?, server: RegistryAddress) -> String {
        switch status {
        case 500...599:
            return "\(host) answered HTTP \(status)\(detail(message)): the registry or its token service is failing; try again later."
        case 429:
            return "\(host) answered HTTP 429\(detail(message)): too many requests (a rate limit, not a credentials problem); try again later."
        case 404:
            return "\(host) answered HTTP 404 to the registry API\(detail(message)); is \(server) an OCI registry?"
        case 400 where server.key.contains(".dkr.ecr."):
            return "\(host) answered HTTP 400\(detail(message)); ECR answers so to a bad password or a region mismatch: check that the region in the server name matches your AWS CLI's."
        case 300...399:
            return "\(host) answered HTTP \(status) with a redirect that was not followed; check the server address."
        default:
            return "\(host) answered HTTP \(status)\(detail(message)), which a registry login does not expect."
        }
    }

    private static func detail(_ message: String?) -> String {
        message.map { ": \(ServerText.clean($0))" } ?? ""
    }

    private static func network(_ sentence: String) -> CommandFailure {
        CommandFailure(message: sentence, exitCode: .network)
    }
}

extension ChallengeParseError.Reason {
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

/// Text that came from a server, made safe to print on one line.
enum ServerText {
    static func clean(_ text: String, limit: Int = 200) -> String {
        let printable = String(text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : Character($0) })
        return printable.count > limit ? String(printable.prefix(limit)) + "…" : printable
    }
}
