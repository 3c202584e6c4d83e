import CCurl
import PolicyBase

/// Turns libcurl's result codes into `TransportError` cases a user can act on.
enum CurlErrorMapping {
    static func transportError(for code: CURLcode, detail: String, timeoutSeconds: Int) -> TransportError {
        let raw = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let detail = OutsideText(raw)
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .hostNotFound
        case CURLE_COULDNT_CONNECT:
            return .connectionRefused
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(seconds: timeoutSeconds)
        case CURLE_PEER_FAILED_VERIFICATION:
            return isHostnameMismatch(raw) ? .hostnameMismatch(detail: detail) : .untrustedCertificate(detail: detail)
        case CURLE_SSL_CONNECT_ERROR:
            return .tlsHandshakeFailed(detail: detail)
        case CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER:
            return .clientCertificateProblem(detail: detail)
        case CURLE_SSL_CACERT_BADFILE:
            return .caFileProblem(detail: detail)
        case CURLE_RECV_ERROR where isClientCertificateAlert(raw), CURLE_SEND_ERROR where isClientCertificateAlert(raw):
            return .clientCertificateRequired(detail: detail)
        case CURLE_RECV_ERROR where isDroppedConnection(raw), CURLE_SEND_ERROR where isDroppedConnection(raw):
            return .connectionDropped(detail: detail)
        case CURLE_GOT_NOTHING:
            return .emptyReply
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .unsupported(detail: detail)
        default:
            return .other(code: Int(code.rawValue), detail: detail)
        }
    }

    /// TLS alerts a server sends when mutual TLS fails (alert 42 "bad certificate", 116 "certificate required").
    private static func isClientCertificateAlert(_ detail: String) -> Bool {
        let lowered = detail.lowercased()
        return lowered.contains("alert bad certificate") || lowered.contains("certificate required")
            || lowered.contains("alert unknown ca")
    }

    /// The peer went away under an established connection: ENOTCONN (107), ECONNRESET, EPIPE.
    private static func isDroppedConnection(_ detail: String) -> Bool {
        let lowered = detail.lowercased()
        return lowered.contains("errno 107") || lowered.contains("not connected") || lowered.contains("reset by peer")
            || lowered.contains("broken pipe")
    }

    private static func isHostnameMismatch(_ detail: String) -> Bool {
        let lowered = detail.lowercased()
        return lowered.contains("subject alt") || lowered.contains("does not match")
            || lowered.contains("no alternative")
    }
}
