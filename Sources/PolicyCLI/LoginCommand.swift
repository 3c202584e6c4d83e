import PolicyBase
import CredentialStore
import RegistryAuth

/// `policy login`: gather credentials, verify them with the registry, store them, say so.
struct LoginCommand {
    let options: LoginOptions
    let context: CommandContext

    func run() throws {
        let output = context.output
        let server = try ServerArgument.resolve(options.serverInput, context: context)
        let username = try resolveUsername()
        let secret = try resolveSecret()
        output.protect(secret)
        output.protect(ConfigDocument.encodeAuth(username: username, secret: secret))
        let storage = try StorageSettings.storage(context)
        // A corrupt config, conflicting stores or a missing helper fail now, before the registry is asked.
        try storage.check(server: server.key)

        let report = try verify(Credentials(username: username, secret: secret), at: server)
        if report.fellBackToPlainHTTP {
            output.error(LoginNotes.fellBackToPlainHTTP(server))
        }
        let remember = options.rememberAsDefault
        let choice = try storage.save(Credentials(username: username, secret: secret), for: server.key) { document in
            if remember { document.defaultDomain = server.key }
        }
        if context.debug {
            DebugTrace(output: output).line(StoreNotes.saved(server: server.key, choice: choice, file: storage.file.path))
        }
        if report.outcome == .anonymousAccess {
            output.warning(LoginNotes.anonymousAccess(server))
        }
        output.out(LoginNotes.succeeded)
    }

    private func resolveUsername() throws(InputError) -> String {
        if let username = options.username { return username }
        guard context.standardInputIsTerminal else { throw InputError.noUsernameNoTTY }
        guard let typed = TerminalPrompt.readLine(prompt: "Username: "), !typed.isEmpty else { throw InputError.emptyUsername }
        if typed.contains(":") { throw InputError.colonInUsername }
        return typed
    }

    private func resolveSecret() throws(InputError) -> String {
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
                case .tooLarge: throw InputError.stdinTooLarge
                case .failed(let code): throw InputError.stdinUnreadable(errno: code)
                }
            }
            let secret = SecretInput.trimmed(bytes)
            guard !secret.isEmpty else { throw InputError.emptyStdin }
            if SecretInput.hasSurroundingBlanks(secret) {
                context.output.warning(LoginNotes.surroundingBlanks)
            }
            return secret
        case .prompt:
            guard context.standardInputIsTerminal else { throw InputError.noPasswordNoTTY }
            guard let typed = TerminalPrompt.readSecret(prompt: "Password: "), !typed.isEmpty else {
                throw InputError.emptyPassword
            }
            return typed
        }
    }

    private func verify(_ credentials: Credentials, at server: RegistryAddress) throws -> LoginReport {
        var transport: any HTTPTransport
        do {
            transport = try CurlTransport(options: options.transport)
        } catch {
            throw InternalError(detail: error.sentence(host: server.apiAuthority))
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
            throw LoginFailure(error: error, server: server, username: credentials.username)
        }
    }
}
