import CredentialStore
import RegistryAuth

/// The stored logins of one registry: Docker Hub's two keys (and any alias another tool wrote) are one login.
struct StoredRegistry: Sendable {
    /// `docker.io`, `ghcr.io`, `127.0.0.1:5000`, or the raw key when it is not a registry address.
    var name: String
    /// nil for a key that does not parse as a registry address (e.g. a namespaced `quay.io/org`).
    var address: RegistryAddress?
    /// The entries, the one whose credentials are shown first.
    var logins: [StoredLogin]

    var shown: StoredLogin { logins[0] }

    /// Groups logins by registry, in name order; within a group, the registry's own storage keys come first.
    static func group(_ logins: [StoredLogin]) -> [StoredRegistry] {
        var groups: [String: StoredRegistry] = [:]
        for login in logins {
            let address = try? RegistryAddress(storedKey: login.key)
            let name = address?.key ?? login.key
            groups[name, default: StoredRegistry(name: name, address: address, logins: [])].logins.append(login)
        }
        return groups.values.map { group in
            var group = group
            let preferred = group.address?.storageKeys ?? []
            group.logins.sort {
                (preferred.firstIndex(of: $0.key) ?? Int.max, $0.key) < (
                    preferred.firstIndex(of: $1.key) ?? Int.max, $1.key
                )
            }
            return group
        }.sorted { $0.name < $1.name }
    }
}
