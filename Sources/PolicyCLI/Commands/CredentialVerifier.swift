import PolicyBase
import RegistryAuth

/// Checks credentials with their registry, the same way for `login` and `status --verify`: what the secret says
/// of its own expiry first (an expired one is refused before any request), then the registry's own answer, over
/// a transport of its own.
struct CredentialVerifier: Sendable {
    let network: NetworkOptions
    let makeTransport: TransportFactory
    /// The current time in Unix seconds.
    let now: Int

    /// - Parameters:
    ///   - access: `--check-access` requests, checked once the credentials are verified.
    ///   - observer: sees every exchange (it protects the tokens the flow obtains, and draws `--debug`'s trace).
    /// - Throws: `VerificationFailure` saying whether the credentials themselves were refused.
    func verify(
        _ credentials: Credentials, at server: RegistryAddress, checking access: [AccessRequest] = [],
        observer: ObservingTransport.Observer? = nil
    ) throws(VerificationFailure) -> LoginReport {
        if let (expires, source) = credentials.secretText.flatMap(CredentialExpiry.of), expires <= now {
            throw .expired(expires: expires, source: source)
        }
        // libcurl takes the password as a C string: a NUL would end it early, and a shorter password be checked.
        guard !credentials.secret.contains(0) else { throw .secretHasNUL }
        var transport: any HTTPTransport
        do {
            transport = try makeTransport(transportOptions(for: server))
        } catch {
            throw .noTransport(error)
        }
        if let observer { transport = ObservingTransport(wrapping: transport, observer: observer) }
        do {
            return try RegistryLogin(transport: transport).verify(
                credentials, at: server, plainHTTP: network.plainHTTP,
                checking: access)
        } catch {
            throw .login(error)
        }
    }

    /// The transport's options for `server`: the network options, with the server's own CAs from docker's certs.d.
    func transportOptions(for server: RegistryAddress) -> TransportOptions {
        var options = network.transport
        options.registryCertificates = DockerCertificates.of(server.apiAuthority)
        return options
    }
}
