import CredentialStore
import PolicyBase
import RegistryAuth

/// `policy status [SERVER…] [--verify] [--json]`: every login docker would use with this config (its own rules) —
/// server, user, where the secret is, its kind, its expiry, the default domain, whether this config records it —
/// and with `--verify`, whether each still works, checked with its registry several at once. A named server
/// without a login is a row of its own (exit 3); a store that cannot be read is a warning (exit 5). Secrets are
/// never printed.
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
            do throws(RegistryAddressError) { return try RegistryAddress(parsing: text) } catch {
                throw .invalidServer(error)
            }
        }
        verify = parsed.has(.verify)
        json = parsed.has(.json)
        network = try NetworkOptions(parsed)
        self.context = context
    }

    func run() throws {
        let directory = try context.configDirectory()
        let storage = try StorageSettings.storage(context)
        let inventory = try storage.inventory()
        var registries = StoredRegistry.group(inventory.logins)
        let defaultDomain = try context.defaultDomain().read().flatMap { try? RegistryAddress(parsing: $0) }
        var rows: [StatusRow]
        if servers.isEmpty {
            rows = registries.map { StatusRow($0, isDefault: $0.name == defaultDomain?.key) }
        } else {
            registries = registries.filter { registry in
                servers.contains { server in registry.logins.contains { server.matches(storedKey: $0.key) } }
            }
            rows = registries.map { StatusRow($0, isDefault: $0.name == defaultDomain?.key) }
            // A named server without a login has a row that says so, unless its store could not be read.
            for server in servers
            where !registries.contains(where: { $0.logins.contains { server.matches(storedKey: $0.key) } })
                && !inventory.isUnreadable(server.storageKeys) && !rows.contains(where: { $0.name == server.key })
            {
                rows.append(StatusRow(notLoggedIn: server, isDefault: server.key == defaultDomain?.key))
            }
        }
        let checked = verify ? check(rows) : rows
        if LegacyRegistriesFile.exists(in: directory) {
            context.output.error(StatusNotes.legacyFile(LegacyRegistriesFile.path(in: directory)))
        }
        for store in inventory.unreadable {
            context.output.warning(StatusNotes.unreadable(store.error.sentence, servers: store.servers))
        }
        for key in inventory.unusedSecrets
        where servers.isEmpty || servers.contains(where: { $0.matches(storedKey: key) }) {
            context.output.error(StatusNotes.unusedSecret(key, file: storage.file.path))
        }
        context.output.raw(json ? StatusFormat.json(checked) : StatusFormat.table(checked, file: storage.file.path))
        if let problem = StatusProblem(checked) { throw problem }
        if !inventory.unreadable.isEmpty { throw UnreadableLogins(stores: inventory.unreadable) }
    }

    /// Verifies each row's credentials with its registry, `concurrentChecks` at a time. Nothing is printed
    /// from the workers; each has its own transport. With `--debug` each worker keeps its exchanges, which are
    /// traced here afterwards, registry by registry in the table's order, so that lines never interleave.
    private func check(_ rows: [StatusRow]) -> [StatusRow] {
        let verifier = CredentialVerifier(
            network: network.trusting(context.environment.variables), makeTransport: context.makeTransport,
            now: context.environment.now)
        let traced = context.debug
        let checks = BoundedWorkers.map(count: rows.count, limit: Self.concurrentChecks) { index in
            let log = traced ? ExchangeLog() : nil
            let state = Self.state(of: rows[index], verifier: verifier, log: log)
            return (state, log?.exchanges ?? [])
        }
        if traced {
            let trace = DebugTrace(output: context.output)
            for (row, (_, exchanges)) in zip(rows, checks) {
                if let address = row.registry?.address, !exchanges.isEmpty {
                    trace.line(TrustNotes.line(verifier.transportOptions(for: address), server: address.apiAuthority))
                }
                // A token a registry may echo back is masked before any line of the trace is printed.
                for exchange in exchanges {
                    if case .bearer(let token) = exchange.request.authorization { context.output.protect(token) }
                }
                for exchange in exchanges { trace.exchange(exchange.request, exchange.result) }
            }
        }
        return zip(rows, checks).map { row, check in
            var row = row
            row.state = check.0
            return row
        }
    }

    /// nil for a key that is not a registry address (a namespaced `quay.io/org`): not checked. A row without a
    /// login keeps its state.
    private static func state(of row: StatusRow, verifier: CredentialVerifier, log: ExchangeLog?) -> StatusRow.State? {
        guard let registry = row.registry else { return row.state }
        guard let address = registry.address else { return nil }
        do {
            let observer = log.map { log in
                { (request: HTTPRequest, result: Result<HTTPResponse, TransportError>) in
                    log.exchanges.append(Exchange(request: request, result: result))
                }
            }
            _ = try verifier.verify(registry.shown.credentials, at: address, observer: observer)
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
