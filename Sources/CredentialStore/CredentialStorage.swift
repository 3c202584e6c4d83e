import PolicyBase

/// Saves, finds and removes a registry's credentials in the backend the config names for it, under the config
/// file's lock: the file itself, or a credential helper. This is what the commands use.
public struct CredentialStorage: Sendable {
    public let file: ConfigFile
    public let backends: BackendFactory

    public init(configDirectory: String, helperTimeoutSeconds: Int = 60) {
        file = ConfigFile(directory: configDirectory)
        backends = BackendFactory(helperTimeoutSeconds: helperTimeoutSeconds)
    }

    /// Reads the config and finds the backend for `keys` without writing anything: a corrupt file, an `auths`
    /// entry of the wrong type, conflicting store names or a missing helper are reported before a login
    /// contacts the registry.
    @discardableResult
    public func check(_ keys: RegistryKeys) throws(StoreError) -> BackendChoice {
        let config = try file.read()
        let choice = try config.storeChoice(forAnyOf: keys.keys)
        for key in keys.keys { _ = try config.checkedAuthEntry(for: key) }
        try backends.backend(choice).checkAvailable()
        return choice
    }

    /// Checks that the backend the config names for `keys` can keep `credentials` exactly (a helper cannot keep a
    /// secret that is not UTF-8), before a login contacts the registry.
    public func checkCanStore(_ credentials: Credentials, under keys: RegistryKeys) throws(StoreError) {
        let config = try file.read()
        try backends.backend(forAnyOf: keys.keys, in: config).checkCanStore(credentials)
    }

    /// The credentials stored for the registry: under its keys first, then under an alias; from config.json
    /// or from the helper the config names. nil when none are stored.
    public func lookup(_ keys: RegistryKeys) throws(StoreError) -> StoredLogin? {
        let config = try file.read()
        let backend = try backends.backend(forAnyOf: keys.keys, in: config)
        for key in keys.keys + keys.aliases(in: config) {
            if let credentials = try backend.get(key, in: config) {
                return StoredLogin(key: key, credentials: credentials, choice: backend.choice)
            }
        }
        return nil
    }

    /// Saves `credentials` under every key in its backend, and removes the registry's alias entries.
    /// - Returns: the store that holds them now.
    @discardableResult
    public func save(_ credentials: Credentials, under keys: RegistryKeys) throws(StoreError) -> BackendChoice {
        try file.update { (config) throws(StoreError) -> BackendChoice in
            let backend = try backends.backend(forAnyOf: keys.keys, in: config)
            for key in keys.keys { try backend.store(credentials, for: key, in: &config) }
            for alias in keys.aliases(in: config) { _ = try backend.erase(alias, in: &config) }
            return backend.choice
        }
    }

    /// Removes the registry's credentials, under its keys and every alias, from its backend and from config.json.
    /// A helper is also asked to erase `https://HOST` and `http://HOST`, as docker's logout does: another tool may
    /// have stored the login under them without an `auths` key here.
    /// - Returns: whether anything was stored.
    public func remove(_ keys: RegistryKeys) throws(StoreError) -> Bool {
        // No config file: no helper is configured and nothing is stored, so nothing is created either.
        guard file.exists() else { return false }
        return try file.update { (config) throws(StoreError) -> Bool in
            let backend = try backends.backend(forAnyOf: keys.keys, in: config)
            var candidates = keys.keys + keys.aliases(in: config)
            if backend.choice != .file {
                for key in keys.keys where !key.contains("://") {
                    for spelling in ["https://" + key, "http://" + key] where !candidates.contains(spelling) {
                        candidates.append(spelling)
                    }
                }
            }
            candidates += keys.companions.filter { !candidates.contains($0) }
            var removed = false
            for key in candidates {
                if try backend.erase(key, in: &config) { removed = true }
            }
            for (key, holder) in try otherSpellings(of: keys, in: config, besides: candidates) {
                if try holder.erase(key, in: &config) { removed = true }
            }
            return removed
        }
    }

    /// `logout --all`: removes exactly the logins this config records — every `auths` key (a plain-text `auth`, an
    /// identity token, or the `{}` of a helper-held login) from the backend the config names for it, and every
    /// registry `credHelpers` routes from its helper — never an entry only because a helper lists it. Each key is
    /// tried on its own: one that fails leaves the others removed, and a plain-text secret in a failed key's entry
    /// is still dropped from the file (its empty entry stays, so that a later logout finds the login again).
    /// - Returns: each key tried, with whether anything was removed or why it stayed.
    /// - Throws: only what makes config.json itself unreadable or unwritable.
    /// - Parameter companions: the keys that go with a recorded key and hold no login of their own (docker's
    ///   OAuth tokens beside Docker Hub's key), erased through the same backend when the key is.
    public func removeRecorded(companions: (String) -> [String] = { _ in [] }) throws(StoreError) -> [Removal] {
        guard file.exists() else { return [] }
        return try file.update { (config) throws(StoreError) -> [Removal] in
            let auths = try config.auths()
            let routed = try config.credentialHelpers()
            let keys = auths.keys.sorted() + routed.keys.filter { auths[$0] == nil }.sorted()
            var removals: [Removal] = []
            for key in keys {
                do throws(StoreError) {
                    let backend = try backends.backend(forAnyOf: [key], in: config)
                    let removed = try backend.erase(key, in: &config)
                    for companion in companions(key) where !keys.contains(companion) {
                        _ = try backend.erase(companion, in: &config)
                    }
                    removals.append(Removal(key: key, outcome: .success(removed)))
                } catch {
                    if config.storedCredentials(for: key) != nil {
                        try config.updateAuthEntry(server: key) { entry in
                            for name in ConfigDocument.credentialKeys { entry[name] = nil }
                        }
                    }
                    removals.append(Removal(key: key, outcome: .failure(error)))
                }
            }
            return removals
        }
    }
}
