import CredentialStore
import PolicyBase
import RegistryAuth

/// `policy status [SERVER…] [--verify] [--json]`: every stored login — server, user, where the secret is, its
/// kind, its expiry, the default domain — and with `--verify`, whether each still works, checked with its
/// registry several at once. Secrets are never printed.
struct StatusCommand: Command {
    let servers: [RegistryAddress]
    let verify: Bool
    let json: Bool
    let network: NetworkOptions
    let context: CommandContext

    /// At most this many registries are asked at once.
    static let concurrentChecks = 4

    init(_ parsed: ParsedArguments, context: CommandContext) throws {
        servers = try parsed.operands.map { (text) throws(InputError) -> RegistryAddress in
            do throws(RegistryAddressError) { return try RegistryAddress(parsing: text) } catch { throw .invalidServer(error) }
        }
        verify = parsed.has(.verify)
        json = parsed.has(.json)
        network = try NetworkOptions(parsed)
        self.context = context
    }

    func run() throws {
        let directory = try context.configDirectory()
        let storage = try StorageSettings.storage(context)
        var registries = StoredRegistry.group(try storage.allLogins())
        if !servers.isEmpty {
            registries = registries.filter { registry in servers.contains { server in registry.logins.contains { server.matches(storedKey: $0.key) } } }
        }
        for registry in registries { context.output.protect(registry.shown.credentials.secret) }
        let defaultDomain = try context.defaultDomain().read().flatMap { try? RegistryAddress(parsing: $0) }
        let rows = registries.map { StatusRow($0, isDefault: $0.name == defaultDomain?.key) }
        let checked = verify ? check(rows) : rows
        if LegacyRegistriesFile.exists(in: directory) {
            context.output.error(StatusNotes.legacyFile(LegacyRegistriesFile.path(in: directory)))
        }
        context.output.raw(json ? StatusFormat.json(checked) : StatusFormat.table(checked, file: storage.file.path))
        if verify, let problem = StatusProblem(checked) { throw problem }
    }

    /// Verifies each row's credentials with its registry, `concurrentChecks` at a time. Nothing is printed
    /// from the workers; each has its own transport. With `--debug` each worker keeps its exchanges, which are
    /// traced here afterwards, registry by registry in the table's order, so that lines never interleave.
    private func check(_ rows: [StatusRow]) -> [StatusRow] {
        let verifier = CredentialVerifier(network: network, makeTransport: context.makeTransport, now: context.environment.now)
        let traced = context.debug
        let checks = BoundedWorkers.map(count: rows.count, limit: Self.concurrentChecks) { index in
            let log = traced ? ExchangeLog() : nil
            let state = Self.state(of: rows[index], verifier: verifier, log: log)
            return (state, log?.exchanges ?? [])
        }
        if traced {
            let trace = DebugTrace(output: context.output)
            for (_, exchanges) in checks {
                // A token a registry may echo back is masked before any line of the trace is printed.
                for exchange in exchanges { if case .bearer(let token) = exchange.request.authorization { context.output.protect(token) } }
                for exchange in exchanges { trace.exchange(exchange.request, exchange.result) }
            }
        }
        return zip(rows, checks).map { row, check in
            var row = row
            row.state = check.0
            return row
        }
    }

    /// nil for a key that is not a registry address (a namespaced `quay.io/org`): not checked.
    private static func state(of row: StatusRow, verifier: CredentialVerifier, log: ExchangeLog?) -> StatusRow.State? {
        guard let address = row.registry.address else { return nil }
        do {
            let observer = log.map { log in { (request: HTTPRequest, result: Result<HTTPResponse, TransportError>) in
                log.exchanges.append(Exchange(request: request, result: result))
            } }
            _ = try verifier.verify(row.registry.shown.credentials, at: address, observer: observer)
            return .ok
        } catch .expired {
            return .expired
        } catch {
            // The same line `policy login` draws between exit 3 and exit 4.
            return error.refusedCredentials ? .rejected : .unreachable
        }
    }
}

/// One request and what came of it, kept by a `status --verify` worker for `--debug`.
private struct Exchange: Sendable {
    var request: HTTPRequest
    var result: Result<HTTPResponse, TransportError>
}

/// The exchanges of one worker's check, in order; only that worker appends.
private final class ExchangeLog {
    var exchanges: [Exchange] = []
}
