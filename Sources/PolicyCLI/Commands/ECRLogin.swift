import PolicyBase
import RegistryAuth

/// `policy login -s <ECR host>` with no password given: the password comes from ECR's `GetAuthorizationToken`,
/// signed by libcurl with AWS credentials found as the AWS SDKs find them (`AWSCredentialChain`). A password
/// given with `-p`, `--password-stdin` or typed at a prompt always wins: this type is then never made.
struct ECRLogin {
    let server: RegistryAddress
    let registry: ECRRegistry
    let network: NetworkOptions
    let context: CommandContext

    /// The ECR user name; a login under any other user is not one this flow can make.
    static let username = "AWS"

    /// nil unless `server` is an ECR registry and the options give no password and no user but `AWS`.
    init?(server: RegistryAddress, options: LoginOptions, context: CommandContext) {
        guard options.passwordSource == .prompt, options.username == nil || options.username == Self.username,
            let registry = ECRRegistry(host: server.key)
        else { return nil }
        self.server = server
        self.registry = registry
        network = options.network
        self.context = context
    }

    /// Finds AWS credentials and gets a registry password with them.
    /// - Parameters:
    ///   - required: when no source has credentials, true throws `AWSCredentialsNotFound` (exit 3), false
    ///     returns nil (the caller asks on the terminal, or reports what it was doing).
    ///   - refreshing: the stored login no longer works and this replaces it (changes the note).
    /// - Throws: `AWSSourceFailure`, `ECRTokenFailure`, `AWSCredentialsNotFound`, `InternalError`.
    func fetch(required: Bool, refreshing: Bool = false) throws -> Credentials? {
        let environment = context.environment.variables
        let endpoint: AWSEndpoint
        do {
            endpoint = try AWSEndpoint.resolve(
                registry.service, defaultURL: registry.apiEndpoint, environment: environment)
        } catch {
            throw AWSSourceFailure(server: server, source: .environment, problem: .invalidEndpoint(error))
        }
        let client = try makeClient()
        let chain = AWSCredentialChain(
            environment: environment, client: client,
            stsRegion: environment["AWS_REGION"].flatMap { $0.isEmpty ? nil : $0 }
                ?? environment["AWS_DEFAULT_REGION"].flatMap { $0.isEmpty ? nil : $0 } ?? registry.region,
            processTimeoutSeconds: try StorageSettings.helperTimeout(
                context.environment[StorageSettings.helperTimeoutVariable]),
            now: context.environment.now, output: context.output, trace: trace, server: server)
        let credentials: AWSCredentials
        let source: AWSCredentialSource
        switch try chain.resolve() {
        case .found(let found, let from): (credentials, source) = (found, from)
        case .notFound(let tried):
            if required { throw AWSCredentialsNotFound(server: server, registry: registry, tried: tried) }
            return nil
        }
        context.output.error(
            refreshing ? ECRNotes.refreshing(server, from: source) : ECRNotes.fetching(server, from: source))
        let authorization: ECRAuthorization
        do {
            authorization = try client.authorizationToken(for: registry, at: endpoint, credentials: credentials)
        } catch {
            throw ECRTokenFailure(
                server: server, registry: registry, source: source, error: error, now: context.environment.now)
        }
        let login = Credentials(username: authorization.username, secret: authorization.password)
        context.output.protect(login.secret)
        return login
    }

    private var trace: AWSTrace? {
        context.debug ? AWSTrace(trace: DebugTrace(output: context.output)) : nil
    }

    /// An AWS transport of its own (never the registry's), traced under `--debug`, bounded by `--timeout`.
    private func makeClient() throws -> AWSClient {
        var transport: any AWSTransport
        do {
            let bundle = context.environment["AWS_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 }
            transport = try context.makeAWSTransport(bundle, network.transport.userAgent)
        } catch {
            throw InternalError(detail: error.sentence(host: registry.apiEndpoint))
        }
        if let trace {
            transport = ObservingAWSTransport(wrapping: transport) { request, result in trace.exchange(request, result)
            }
        }
        return AWSClient(transport: transport, timeoutSeconds: network.transport.timeoutSeconds)
    }
}
