import CredentialStore
import PolicyBase
import RegistryAuth

/// One row of `status`: a stored login, or a server named on the command line that has none.
struct StatusRow: Sendable {
    enum State: String {
        case ok, rejected, expired, unreachable
        case notLoggedIn = "not logged in"
    }

    /// `docker.io`, `ghcr.io`, or the raw key of a login that is not a registry address.
    var name: String
    /// nil for a named server with no login.
    var registry: StoredRegistry?
    var isDefault: Bool
    var expires: Int?
    var state: State?

    init(_ registry: StoredRegistry, isDefault: Bool) {
        name = registry.name
        self.registry = registry
        self.isDefault = isDefault
        expires = registry.shown.credentials.secretText.flatMap(CredentialExpiry.of)?.expires
    }

    /// A named server with no stored login.
    init(notLoggedIn server: RegistryAddress, isDefault: Bool) {
        name = server.key
        self.isDefault = isDefault
        state = .notLoggedIn
    }

    var username: String? { registry?.shown.credentials.username }
    var kind: String? { registry?.shown.credentials.kind.noun }
    var store: String? {
        switch registry?.shown.choice {
        case nil: nil
        case .file: "config.json"
        case .helper(let name, _): CredentialHelper.executable(named: name)
        }
    }
    /// Whether this config records the login (false for one only a shared helper lists: `logout --all` leaves it).
    var recorded: Bool { registry?.logins.contains(where: \.recorded) ?? false }
}
