import PolicyBase
import RegistryAuth

/// The sentences for a request that got no response. Not reportable by itself: the login or the trace that
/// met it names the host.
extension TransportError {
    func sentence(host: String) -> String {
        switch self {
        case .hostNotFound:
            return "Cannot reach \(host): the host name could not be resolved; check the server name and your DNS."
        case .connectionRefused:
            return "Cannot reach \(host): the connection was refused; is a registry listening on that port?"
        case .timedOut(let seconds):
            return "No answer from \(host) within \(Plural.seconds(seconds)); raise --timeout if the registry is slow."
        case .untrustedCertificate(let detail):
            return
                "The TLS certificate of \(host) is not trusted (\(detail)); pass its certificate authority with --ca-file, or skip verification with -k."
        case .hostnameMismatch(let detail):
            return
                "The TLS certificate of \(host) was issued for another name (\(detail)); use the name on the certificate, or skip verification with -k."
        case .tlsHandshakeFailed(let detail):
            return
                "The TLS handshake with \(host) failed (\(detail)); if the registry speaks plain HTTP, use --plaintext."
        case .clientCertificateProblem(let detail):
            return "The client certificate for \(host) could not be used (\(detail)); check --cert-file and --key-file."
        case .clientCertificateRequired:
            return "\(host) requires a client certificate it trusts (mutual TLS); pass --cert-file and --key-file."
        case .connectionDropped(let detail):
            return
                "\(host) closed the connection (\(detail)); if it requires a client certificate (mutual TLS), pass --cert-file and --key-file."
        case .caFileProblem(let detail):
            return "The certificate authority file could not be used (\(detail)); check --ca-file."
        case .noTrustStore(let tried):
            return
                "No trusted certificate authorities to check \(host) against: SSL_CERT_FILE is unset and none of \(tried.joined(separator: ", ")) exists; install the ca-certificates package or set SSL_CERT_FILE to a CA bundle."
        case .responseTooLarge(let limit):
            let size = limit > 0 ? " (more than \(limit / 1024) KiB)" : ""
            return "\(host) sent a response too long to be a registry's answer\(size); the login was abandoned."
        case .requestTooLarge(let bytes, let limit):
            return
                "The credentials are too long to send to \(host): their Authorization header would take \(bytes / 1024) KiB, and a request can carry at most \(limit / 1024) KiB; check that the password or token is the right one."
        case .emptyReply:
            return
                "\(host) closed the connection without answering; if the registry speaks HTTPS only on another port, check the server address."
        case .unsafeHeaderValue(let field):
            return
                "The value for the \(field) header to \(host) holds a control character (a line break or another), which would break the request; nothing was sent."
        case .unsupported(let detail), .other(_, let detail):
            return "Cannot talk to \(host): \(detail)."
        }
    }
}
