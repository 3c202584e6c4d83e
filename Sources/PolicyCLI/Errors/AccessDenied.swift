import PolicyBase
import RegistryAuth

/// `--check-access` found the credentials valid but without some of the access asked for (exit 6).
/// Nothing was stored.
struct AccessDenied: ReportableError {
    var server: RegistryAddress
    var username: OutsideText
    var reports: [AccessReport]

    var exitCode: ExitCode { .accessDenied }

    var sentence: String {
        let lacking = reports.filter { !$0.allGranted }.map { report in
            let missing = report.denied.map(\.rawValue).joined(separator: " and ")
            let granted = report.granted.isEmpty ? "nothing" : report.granted.map(\.rawValue).joined(separator: ", ")
            let notFound =
                report.repositoryNotFound ? ", and the repository was not found or is not visible to them" : ""
            return "\(missing) on \(report.request.repository) (granted: \(granted)\(notFound))"
        }
        var sentence =
            "The credentials of '\(username)' are valid for \(server) but lack "
            + lacking.joined(separator: "; ") + "; nothing was stored."
        if let hint = RegistryHints.forMissingAccess(
            server: server, missingPush: reports.contains { $0.denied.contains(.push) })
        {
            sentence += " " + hint
        }
        return sentence
    }
}

/// The secret's own form says it has expired: refused before any request (exit 3).
struct ExpiredCredentials: ReportableError {
    var server: RegistryAddress
    var expires: Int
    var now: Int
    var source: CredentialExpiry.Source
    /// True for credentials found in the store rather than given.
    var stored: Bool
    var kind: Credentials.Kind = .password

    var exitCode: ExitCode { .credentialsRejected }

    var sentence: String {
        let secret = kind.noun
        let which = stored ? "The stored \(secret)" : "The \(secret)"
        let when = "\(which) for \(server) expired \(UTCTime.format(expires)) (\(UTCTime.span(now - expires)) ago)"
        switch source {
        case .ecrToken:
            return when
                + "; get a new one with 'aws ecr get-login-password --region <region> | \(LoginCommandLine.text(server: server.key, username: "AWS"))'."
        case .jwt:
            return when + "; get a new token and log in again: '\(LoginCommandLine.text(server: server.key))'."
        }
    }
}
