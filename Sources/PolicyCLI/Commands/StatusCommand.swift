import CredentialStore
import PolicyBase
import RegistryAuth

/// `policy status [SERVER…] [--verify] [--json]`: every stored login — server, user, where the secret is, its
/// kind, its expiry, the default domain — and with `--verify`, whether each still works, checked with its
/// registry several at once. Secrets are never printed.
struct StatusCommand {
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
    /// from the workers; each has its own transport.
    private func check(_ rows: [StatusRow]) -> [StatusRow] {
        let verifier = CredentialVerifier(network: network, makeTransport: context.makeTransport, now: context.environment.now)
        let states = BoundedWorkers.map(count: rows.count, limit: Self.concurrentChecks) { index in
            Self.state(of: rows[index], verifier: verifier)
        }
        return zip(rows, states).map { row, state in
            var row = row
            row.state = state
            return row
        }
    }

    /// nil for a key that is not a registry address (a namespaced `quay.io/org`): not checked.
    private static func state(of row: StatusRow, verifier: CredentialVerifier) -> StatusRow.State? {
        guard let address = row.registry.address else { return nil }
        do {
            _ = try verifier.verify(row.registry.shown.credentials, at: address)
            return .ok
        } catch .expired {
            return .expired
        } catch {
            // The same line `policy login` draws between exit 3 and exit 4.
            return error.refusedCredentials ? .rejected : .unreachable
        }
    }
}
