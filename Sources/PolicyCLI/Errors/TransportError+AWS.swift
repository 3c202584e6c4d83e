import PolicyBase
import RegistryAuth

/// The clause for an AWS endpoint that gave no response.
extension TransportError {
    /// What went wrong talking to an AWS endpoint, as a clause (the registry's sentences give registry hints).
    func awsPhrase(host: String) -> String {
        switch self {
        case .hostNotFound: return "the host name \(host) could not be resolved"
        case .connectionRefused: return "\(host) refused the connection"
        case .timedOut(let seconds): return "\(host) did not answer within \(Plural.seconds(seconds))"
        case .untrustedCertificate(let detail):
            return "the TLS certificate of \(host) is not trusted (\(detail)); AWS_CA_BUNDLE names extra authorities"
        case .hostnameMismatch(let detail):
            return "the TLS certificate of \(host) was issued for another name (\(detail))"
        case .tlsHandshakeFailed(let detail), .clientCertificateProblem(let detail),
            .clientCertificateRequired(let detail),
            .caFileProblem(let detail):
            return "TLS with \(host) failed (\(detail))"
        case .noTrustStore: return "no trusted certificate authorities to check \(host) against (set SSL_CERT_FILE)"
        case .connectionDropped(let detail): return "\(host) closed the connection (\(detail))"
        case .responseTooLarge: return "\(host) sent a response too large to be an answer"
        case .requestTooLarge(let bytes, _):
            return "the request to \(host) is too long to send (\(bytes / 1024) KiB of headers)"
        case .emptyReply: return "\(host) closed the connection without answering"
        case .unsafeHeaderValue(let field):
            return
                "the value for the \(field) header to \(host) holds a control character (a line break or another) and was not sent"
        case .unsupported(let detail), .other(_, let detail): return "cannot talk to \(host) (\(detail))"
        }
    }
}
