import PolicyBase
import RegistryAuth

/// How an AWS call's failure ends `policy`: the credentials (exit 3) or the network, a throttle or a
/// failing service (exit 4).
extension AWSCallError {
    var exitCode: ExitCode {
        switch self {
        case .transport, .invalidReply: return .network
        case .service(let error):
            switch error.kind {
            case .accessDenied, .invalidSignature, .expiredToken, .unrecognizedClient, .invalidIdentityToken: return .credentialsRejected
            case .throttled, .unavailable: return .network
            case .other: return [401, 403].contains(error.status) ? .credentialsRejected : .network
            }
        }
    }

    /// `: AccessDeniedException: User … is not authorized …`, or just the status.
    var detail: String {
        switch self {
        case .transport(let host, let error): return error.awsPhrase(host: host)
        case .invalidReply(let host, let missing): return "\(host) answered without \(missing)"
        case .service(let error): return error.detail
        }
    }
}

extension AWSServiceError {
    /// `HTTP 400, AccessDeniedException: <message>`.
    var detail: String {
        var text = "HTTP \(status)"
        if let code { text += ", \(code)" }
        if let message { text += ": \(message)" }
        return text
    }

    /// How far this machine's clock is ahead of the server's (negative: behind), to the nearest minute, when that
    /// explains a refused signature (AWS allows 5 minutes). `now` is when policy started, a moment before the
    /// reply: the rounding keeps an hour's skew an hour.
    func clockSkew(now: Int) -> Int? {
        guard let serverDate, abs(serverDate - now) >= 300 else { return nil }
        let skew = now - serverDate
        return (skew + (skew >= 0 ? 30 : -30)) / 60 * 60
    }
}

extension TransportError {
    /// What went wrong talking to an AWS endpoint, as a clause (the registry's sentences give registry hints).
    func awsPhrase(host: String) -> String {
        switch self {
        case .hostNotFound: return "the host name \(host) could not be resolved"
        case .connectionRefused: return "\(host) refused the connection"
        case .timedOut(let seconds): return "\(host) did not answer within \(Plural.seconds(seconds))"
        case .untrustedCertificate(let detail):
            return "the TLS certificate of \(host) is not trusted (\(detail)); AWS_CA_BUNDLE names extra authorities"
        case .hostnameMismatch(let detail): return "the TLS certificate of \(host) was issued for another name (\(detail))"
        case .tlsHandshakeFailed(let detail), .clientCertificateProblem(let detail), .clientCertificateRequired(let detail),
             .caFileProblem(let detail):
            return "TLS with \(host) failed (\(detail))"
        case .connectionDropped(let detail): return "\(host) closed the connection (\(detail))"
        case .responseTooLarge: return "\(host) sent a response too large to be an answer"
        case .requestTooLarge(let bytes, _): return "the request to \(host) is too long to send (\(bytes / 1024) KiB of headers)"
        case .emptyReply: return "\(host) closed the connection without answering"
        case .unsupported(let detail), .other(_, let detail): return "cannot talk to \(host) (\(detail))"
        }
    }
}
