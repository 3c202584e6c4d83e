import PolicyBase
import RegistryAuth

/// How an AWS call's failure ends `policy`: the credentials (exit 3) or the network, a throttle or a
/// failing service (exit 4).
extension AWSCallError {
    var exitCode: ExitCode {
        switch self {
        // A source whose value cannot go in a header (a metadata token with a line break) is a bad source.
        case .transport(_, .unsafeHeaderValue): return .storage
        case .transport, .invalidReply: return .network
        case .service(let error):
            switch error.kind {
            case .accessDenied, .invalidSignature, .expiredToken, .unrecognizedClient, .invalidIdentityToken:
                return .credentialsRejected
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
