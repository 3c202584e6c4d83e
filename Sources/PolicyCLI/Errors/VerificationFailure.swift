import PolicyBase
import RegistryAuth

/// Why credentials did not verify (`CredentialVerifier`): data, worded by the error it becomes.
enum VerificationFailure: Error {
    /// The secret's own form says it expired at `expires` (Unix seconds); no request was made.
    case expired(expires: Int, source: CredentialExpiry.Source)
    /// The registry or its token service refused the credentials, or could not be asked.
    case login(LoginError)
    /// No transport could be made (libcurl failed to initialise).
    case noTransport(TransportError)
    /// The secret holds a NUL byte, which cannot be sent (another tool stored it; a given one is refused earlier).
    case secretHasNUL

    /// Whether new credentials would help: they expired, or the registry refused them.
    var refusedCredentials: Bool {
        switch self {
        case .expired: true
        case .login(let error): error.refusedCredentials
        case .noTransport, .secretHasNUL: false
        }
    }

    /// The error `policy login` ends with.
    /// - Parameters:
    ///   - stored: the credentials were the stored ones, re-verified.
    ///   - now: the current time, for how long ago they expired.
    func reportable(server: RegistryAddress, credentials: Credentials, stored: Bool, now: Int) -> any ReportableError {
        switch self {
        case .expired(let expires, let source):
            ExpiredCredentials(
                server: server, expires: expires, now: now, source: source, stored: stored, kind: credentials.kind)
        case .login(let error):
            LoginFailure(
                error: error, server: server, username: OutsideText(credentials.username, .name), stored: stored)
        case .noTransport(let error):
            InternalError(detail: error.sentence(host: server.apiAuthority))
        case .secretHasNUL:
            stored ? StoredSecretHasNUL(server: server) : InputError.nulInPassword
        }
    }
}
