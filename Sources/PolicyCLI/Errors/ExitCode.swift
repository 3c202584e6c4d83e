/// The documented exit codes; help and the README's table are generated from or checked against `summary`.
enum ExitCode: Int32, CaseIterable {
    case success = 0
    case unexpected = 1
    case usage = 2
    case credentialsRejected = 3
    case network = 4
    case storage = 5
    case accessDenied = 6

    /// What the code means, as help lists it.
    var summary: String {
        switch self {
        case .success: "success"
        case .unexpected: "unexpected internal error, or output that could not be written"
        case .usage: "usage error"
        case .credentialsRejected: "credentials rejected or expired"
        case .network: "network, TLS, timeout or protocol error"
        case .storage: "local storage error (config.json, credential helper)"
        case .accessDenied: "credentials valid, but without the access asked for with --check-access"
        }
    }
}
