import PolicyBase

extension CredentialStorage {
    /// The spellings of a registry that `inventory()` shows but its own keys and `auths` aliases do not reach,
    /// each with the backend that holds it — so that logout removes every login status shows:
    /// - a `credHelpers` route under another spelling (`https://ghcr.io`, `http://ghcr.io/`), through its own helper;
    /// - an entry the default helper lists under another spelling (docker-credential-pass holding `http://host/`).
    /// A default helper that cannot list is passed over here: the spellings docker's logout erases were already
    /// tried one by one.
    func otherSpellings(
        of keys: RegistryKeys, in config: ConfigDocument, besides tried: [String]
    ) throws(StoreError) -> [(key: String, backend: any CredentialBackend)] {
        var found: [(key: String, backend: any CredentialBackend)] = []
        let routed = try config.credentialHelpers()
        for key in routed.keys.sorted() where keys.isAlias(key) && !keys.keys.contains(key) {
            found.append((key, try backends.backend(forAnyOf: [key], in: config)))
        }
        let defaultStore = try config.storeChoice(forAnyOf: [])
        guard defaultStore != .file else { return found }
        let backend = try backends.backend(defaultStore)
        let listed = (try? backend.list(in: config).keys.sorted()) ?? []
        for key in listed where keys.isAlias(key) && !tried.contains(key) && routed[key] == nil {
            found.append((key, backend))
        }
        return found
    }
}
