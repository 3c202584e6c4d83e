import CredentialStore
import RegistryAuth

/// Makes the transport a verification talks through; every call gives a new one (`status --verify` checks
/// registries on several threads, each with its own).
typealias TransportFactory = @Sendable (TransportOptions) throws(TransportError) -> any HTTPTransport

/// Makes the transport a native ECR login talks to AWS through (a handle of its own, never the registry's):
/// the CA bundle for AWS endpoints (`AWS_CA_BUNDLE`) and the User-Agent.
typealias AWSTransportFactory =
    @Sendable (_ caBundle: String?, _ userAgent: String) throws(TransportError) -> any AWSTransport

/// What every command receives: where to print, its environment, where the config lives, whether to trace, and
/// how to reach registries (libcurl; a scripted transport when a test runs a command in-process).
struct CommandContext {
    let output: Output
    let environment: Environment
    /// nil when there is neither an option, `$POLICY_CONFIG_DIR` nor a home directory.
    let configDirectoryIfKnown: String?
    let debug: Bool
    let makeTransport: TransportFactory
    var makeAWSTransport: AWSTransportFactory = Self.curlAWSTransport

    /// The libcurl transport, the one every run of the binary uses.
    static let curlTransport: TransportFactory = { (options) throws(TransportError) in
        try CurlTransport(options: options)
    }

    /// libcurl for AWS, with SigV4.
    static let curlAWSTransport: AWSTransportFactory = { (caBundle, userAgent) throws(TransportError) in
        try AWSCurlTransport(caBundle: caBundle, userAgent: userAgent)
    }

    /// The config directory, for commands that read or write credentials.
    /// - Throws: `NoConfigDirectory` (exit 5) when no directory can be determined.
    func configDirectory() throws -> String {
        guard let directory = configDirectoryIfKnown else { throw NoConfigDirectory() }
        return directory
    }

    /// The server `policy login -d` remembered, in the config directory.
    func defaultDomain() throws -> DefaultDomain {
        DefaultDomain(directory: try configDirectory())
    }

    /// True when standard input is a terminal (prompts are allowed).
    var standardInputIsTerminal: Bool { environment.standardInputIsTerminal }
}
