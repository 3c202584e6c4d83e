import CredentialStore
import PolicyBase
import RegistryAuth

/// The non-error lines a login prints.
enum LoginNotes {
    static let succeeded = "Login Succeeded"
    static let passwordOnCommandLine = "Using --password via the CLI is insecure. Use --password-stdin."
    static let surroundingBlanks =
        "The password read from stdin starts or ends with a space or tab; it was sent as is. Check for a copy-paste mistake."

    /// The user name had blanks around it, which were removed before anything was sent, as docker does.
    static func usernameTrimmed(_ username: OutsideText) -> String {
        "The user name had blanks around it; they were removed (as docker does), logging in as '\(username)'."
    }

    /// Before re-verifying stored credentials, on stderr (docker's wording).
    static func usingStored(username: OutsideText) -> String {
        "Authenticating with existing credentials (user \(username))"
    }

    /// One line per `--check-access` repository: `org/policy: pull, push`.
    static func granted(_ report: AccessReport) -> String {
        "\(report.request.repository): " + report.granted.map(\.rawValue).joined(separator: ", ")
    }

    /// `The password expires 2026-11-24 12:03 UTC (in 11 h 58 min).`
    static func expires(_ expires: Int, now: Int, kind: Credentials.Kind) -> String {
        return "The \(kind.noun) expires \(UTCTime.format(expires)) (in \(UTCTime.span(expires - now)))."
    }

    static func anonymousAccess(_ server: RegistryAddress) -> String {
        "\(server) allows anonymous access, so it did not check these credentials; they were stored anyway."
    }

    static func fellBackToPlainHTTP(_ server: RegistryAddress) -> String {
        "Note: \(server) is a loopback address that does not speak TLS; used plain HTTP."
    }
}
