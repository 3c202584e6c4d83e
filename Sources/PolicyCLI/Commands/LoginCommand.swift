import CredentialStore
import PolicyBase
import RegistryAuth

/// `policy login`: gather credentials, verify them with the registry, store them, say so.
struct LoginCommand: Command {
    let options: LoginOptions
    let context: CommandContext

    init(_ parsed: ParsedArguments, context: CommandContext) throws {
        options = try LoginOptions(parsed)
        self.context = context
    }

    func run() throws {
        let server = try ServerArgument.resolve(options.serverInput, context: context)
        let storage = try StorageSettings.storage(context)
        // A corrupt config, conflicting stores or a missing helper fail now, before the registry is asked.
        try storage.check(server.storage)
        // An ECR host with no password given gets one from ECR with AWS credentials (on a terminal with none
        // found, it asks as before).
        let ecr = ECRLogin(server: server, options: options, context: context)
        if options.username == nil && options.passwordSource == .prompt, let stored = try storage.lookup(server.storage)
        {
            return try reverify(stored, at: server, storage: storage, ecr: ecr)
        }
        if let ecr, let fetched = try ecr.fetch(required: !context.standardInputIsTerminal) {
            return try logIn(fetched, at: server, storage: storage)
        }
        let credentials = Credentials(username: try resolveUsername(), secret: try resolveSecret())
        try logIn(credentials, at: server, storage: storage)
    }

    /// Verifies new credentials and stores them under the registry's keys, replacing any alias entries.
    private func logIn(_ credentials: Credentials, at server: RegistryAddress, storage: CredentialStorage) throws {
        let output = context.output
        protect(credentials)
        // A helper that could not keep these bytes exactly refuses them before the registry is asked.
        try storage.checkCanStore(credentials, under: server.storage)
        let report: LoginReport
        do {
            report = try verify(credentials, at: server)
        } catch {
            throw error.reportable(
                server: server, credentials: credentials, stored: false, now: context.environment.now)
        }
        try refuseMissingAccess(report, credentials, at: server)
        let choice = try storage.save(credentials, under: server.storage)
        if options.rememberAsDefault { try context.defaultDomain().remember(server.key) }
        if context.debug {
            DebugTrace(output: output).line(
                StoreNotes.saved(keys: server.storageKeys, choice: choice, file: storage.file.path))
        }
        finish(report, credentials, at: server)
    }

    /// `policy login [-s SERVER]` with nothing new: checks the stored credentials with the registry and
    /// rewrites nothing. Rejected or expired ones are replaced: on ECR by a new token when AWS credentials are
    /// found, else by new ones asked for on a terminal, else exit 3.
    private func reverify(
        _ stored: StoredLogin, at server: RegistryAddress, storage: CredentialStorage, ecr: ECRLogin?
    ) throws {
        let output = context.output
        let now = context.environment.now
        protect(stored.credentials)
        output.error(LoginNotes.usingStored(username: OutsideText(stored.credentials.username, .name)))
        let report: LoginReport
        do {
            report = try verify(stored.credentials, at: server)
        } catch  where error.refusedCredentials {
            if let ecr, let fetched = try ecr.fetch(required: false, refreshing: true) {
                return try logIn(fetched, at: server, storage: storage)
            }
            // Rejected or expired: on a terminal, ask for new credentials as docker does.
            let failure = error.reportable(server: server, credentials: stored.credentials, stored: true, now: now)
            guard context.standardInputIsTerminal else { throw failure }
            output.error("Error: " + failure.sentence)
            let credentials = Credentials(username: try resolveUsername(), secret: try resolveSecret())
            return try logIn(credentials, at: server, storage: storage)
        } catch {
            throw error.reportable(server: server, credentials: stored.credentials, stored: true, now: now)
        }
        try refuseMissingAccess(report, stored.credentials, at: server)
        if options.rememberAsDefault { try context.defaultDomain().remember(server.key) }
        finish(report, stored.credentials, at: server)
    }

    /// The lines after a verified login: warnings, the access granted, the expiry, then `Login Succeeded`.
    private func finish(_ report: LoginReport, _ credentials: Credentials, at server: RegistryAddress) {
        let output = context.output
        if report.outcome == .anonymousAccess {
            output.warning(LoginNotes.anonymousAccess(server))
        }
        for access in report.access {
            output.error(LoginNotes.granted(access))
        }
        if let (expires, _) = credentials.secretText.flatMap(CredentialExpiry.of) {
            output.error(LoginNotes.expires(expires, now: context.environment.now, kind: credentials.kind))
        }
        output.out(LoginNotes.succeeded)
    }

    /// Every form of the secret joins the redaction of `--debug`'s trace before anything is traced.
    private func protect(_ credentials: Credentials) {
        context.output.protect(credentials.secret)
        context.output.protect(ConfigDocument.encodeAuth(username: credentials.username, secret: credentials.secret))
    }

    private func resolveUsername() throws(InputError) -> String {
        if let username = options.username {
            if options.usernameWasTrimmed {
                context.output.warning(LoginNotes.usernameTrimmed(OutsideText(username, .name)))
            }
            return username
        }
        guard context.standardInputIsTerminal else { throw InputError.noUsernameNoTTY }
        guard let line = TerminalPrompt.readLine(prompt: "Username: ") else { throw InputError.emptyUsername }
        let typed = LoginOptions.trimmed(line)
        if typed.isEmpty { throw InputError.emptyUsername }
        if typed.contains(":") { throw InputError.colonInUsername }
        if typed != line { context.output.warning(LoginNotes.usernameTrimmed(OutsideText(typed, .name))) }
        return typed
    }

    /// The secret's bytes, exactly as given. A NUL cannot travel in HTTP Basic authentication through libcurl (it
    /// would end the password there): refused, never cut.
    private func resolveSecret() throws(InputError) -> [UInt8] {
        let secret = try givenSecret()
        guard !secret.contains(0) else { throw InputError.nulInPassword }
        return secret
    }

    private func givenSecret() throws(InputError) -> [UInt8] {
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
                case .failed(let error): throw InputError.stdinUnreadable(errno: error.rawValue)
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

    /// Checks the credentials with the registry (and `--check-access`). Every token the flow obtains joins the
    /// redaction of `--debug`'s trace (RegistryLogin redacts the server messages it makes itself).
    private func verify(
        _ credentials: Credentials, at server: RegistryAddress
    ) throws(VerificationFailure) -> LoginReport {
        let output = context.output
        let trace = context.debug ? DebugTrace(output: output) : nil
        let verifier = CredentialVerifier(
            network: options.network.trusting(context.environment.variables), makeTransport: context.makeTransport,
            now: context.environment.now)
        trace?.line(TrustNotes.line(verifier.transportOptions(for: server), server: server.apiAuthority))
        let report = try verifier.verify(credentials, at: server, checking: options.access) { request, result in
            if case .bearer(let token) = request.authorization { output.protect(token) }
            trace?.exchange(request, result)
        }
        if report.fellBackToPlainHTTP {
            output.error(LoginNotes.fellBackToPlainHTTP(server))
        }
        return report
    }

    /// Valid credentials without the access `--check-access` asked for are not stored (exit 6).
    private func refuseMissingAccess(
        _ report: LoginReport, _ credentials: Credentials, at server: RegistryAddress
    ) throws(AccessDenied) {
        if report.access.contains(where: { !$0.allGranted }) {
            throw AccessDenied(
                server: server, username: OutsideText(credentials.username, .name), reports: report.access)
        }
    }
}
