import PolicyBase
import CredentialStore
import RegistryAuth

/// One stored login as `status` shows it.
struct StatusRow: Sendable {
    enum State: String {
        case ok, rejected, expired, unreachable
    }

    var registry: StoredRegistry
    var isDefault: Bool
    var expires: Int?
    var state: State?

    init(_ registry: StoredRegistry, isDefault: Bool) {
        self.registry = registry
        self.isDefault = isDefault
        expires = registry.shown.credentials.secretText.flatMap(CredentialExpiry.of)?.expires
    }

    var username: String { registry.shown.credentials.username }
    var kind: String { registry.shown.credentials.kind == .identityToken ? "identity token" : "password" }
    var store: String {
        switch registry.shown.choice {
        case .file: "config.json"
        case .helper(let name, _): CredentialHelper.executable(named: name)
        }
    }
}
