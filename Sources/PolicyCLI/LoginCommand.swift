import CredentialStore
import RegistryAuth

/// `policy login`: gather credentials, verify them with the registry, store them, say so.
struct LoginCommand {
    let options: LoginOptions
    let context: CommandContext

    func run() throws(CommandFailure) {
        let output = context.output
        let server = try ServerArgument.resolve(options.serverInput, context: context)
        let username = try resolveUsername()
        let secret = try resolveSecret()
        output.protect(secret)
        output.protect(ConfigDocument.encodeAuth(username: username, secret: secret))
        let storage = try StorageSettings.storage(context)
        do {
            // A corrupt config, conflicting stores or a missing helper fail now, before the registry is asked.
            try storage.check(server: server.key)
        } catch {
            throw StoreFailure.failure(error)
        }

        let report = try verify(LoginCredentials(username: username, secret: secret), at: server)
        if report.fellBackToPlainHTTP {
            output.error(LoginNotes.fellBackToPlainHTTP(server))
        }
        let remember = options.rememberAsDefault
        do {
            let choice = try storage.save(Credentials(username: username, secret: secret), for: server.key) { document in
                if remember { document.defaultDomain = server.key }
            }
            if context.debug {
                DebugTrace(output: output).line(StoreNotes.saved(server: server.key, choice: choice, file: storage.file.path))
            }
        } catch {
            throw StoreFailure.failure(error)
        }
        if report.outcome == .anonymousAccess {
            output.warning(LoginNotes.anonymousAccess(server))
        }
        output.out(LoginNotes.succeeded)
    }

    private func resolveUsername() throws(CommandFailure) -> String {
        if let username = options.username { return username }
        guard context.standardInputIsTerminal else { throw CommandUsage.noUsernameNoTTY }
        guard let typed = TerminalPrompt.readLine(prompt: "Username: "), !typed.isEmpty else { throw CommandUsage.emptyUsername }
        if typed.contains(":") { throw CommandUsage.colonInUsername }
        return typed
    }

    private func resolveSecret() throws(CommandFailure) -> String {
        switch options.passwordSource {
        case .argument(let password):
            context.output.warning(LoginNotes.passwordOnCommandLine)
            return password
        case .standardInput:
            let bytes: [UInt8]
            do {
                bytes = try SecretInput.readStandardInput()
            } catch {
                switch error {
                case .tooLarge: throw CommandUsage.stdinTooLarge
                case .failed(let code): throw CommandUsage.stdinUnreadable(errno: code)
                }
            }
            let secret = SecretInput.trimmed(bytes)
            guard !secret.isEmpty else { throw CommandUsage.emptyStdin }
            if SecretInput.hasSurroundingBlanks(secret) {
                context.output.warning(LoginNotes.surroundingBlanks)
            }
            return secret
        case .prompt:
            guard context.standardInputIsTerminal else { throw CommandUsage.noPasswordNoTTY }
            guard let typed = TerminalPrompt.readSecret(prompt: "Password: "), !typed.isEmpty else {
                throw CommandUsage.emptyPassword
            }
            return typed
        }
    }

    private func verify(_ credentials: LoginCredentials, at server: RegistryAddress) throws(CommandFailure) -> LoginReport {
        var transport: any HTTPTransport
        do {
            transport = try CurlTransport(options: options.transport)
        } catch {
            throw CommandFailure(message: LoginMessages.describe(error, host: server.apiAuthority), exitCode: .unexpected)
        }
        // Every token the flow obtains joins the redactor, traced or not: a registry may echo it in an error.
        let output = context.output
        let trace = context.debug ? DebugTrace(output: output) : nil
        transport = ObservingTransport(wrapping: transport) { request, result in
            if case .bearer(let token) = request.authorization { output.protect(token) }
            trace?.exchange(request, result)
        }
        do {
            return try RegistryLogin(transport: transport).verify(credentials, at: server, plainHTTP: options.plainHTTP)
        } catch {
            throw LoginMessages.failure(error, server: server, username: credentials.username)
        }
    }
}

/// The non-error lines a login prints.
enum LoginNotes {
    static let succeeded = "Login Succeeded"
    static let passwordOnCommandLine = "Using --password via the CLI is insecure. Use --password-stdin."
    static let surroundingBlanks =
        "The password read from stdin starts or ends with a space or tab; it was sent as is. Check for a copy-paste mistake."

    static func anonymousAccess(_ server: RegistryAddress) -> String {
        "\(server) allows anonymous access, so it did not check these credentials; they were stored anyway."
    }

    static func fellBackToPlainHTTP(_ server: RegistryAddress) -> String {
        "Note: \(server) is a loopback address that does not speak TLS; used plain HTTP."
    }
}
