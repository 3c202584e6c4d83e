import PolicyBase

/// Saves, finds and removes a registry's credentials in the store the config names for it, under the config
/// file's lock: the file itself, or a credential helper. This is what the commands use.
public struct CredentialStorage: Sendable {
    public let file: ConfigFile
    /// Bound on each credential-helper call.
    public let helperTimeoutSeconds: Int

    public init(configDirectory: String, helperTimeoutSeconds: Int = 60) {
        file = ConfigFile(directory: configDirectory)
        self.helperTimeoutSeconds = helperTimeoutSeconds
    }

    /// Reads the config and finds the store for `keys` without writing anything: a corrupt file, an `auths`
    /// entry of the wrong type, conflicting store names or a missing helper are reported before a login
    /// contacts the registry.
    @discardableResult
    public func check(_ keys: StorageKeys) throws(StoreError) -> StoreChoice {
        var config = try file.read()
        let choice = try config.storeChoice(forAnyOf: keys.keys, path: file.path)
        for key in keys.keys { try config.updateAuthEntry(server: key, path: file.path) { _ in } }
        if case .helper(let name, let configKey) = choice {
            try CredentialHelper(name: name, configKey: configKey, timeoutSeconds: helperTimeoutSeconds)
                .checkInstalled()
        }
        return choice
    }

    /// The credentials stored for the registry: under its keys first, then under an alias; from config.json
    /// or from the helper the config names. nil when none are stored.
    public func lookup(_ keys: StorageKeys) throws(StoreError) -> StoredLogin? {
        let config = try file.read()
        let choice = try config.storeChoice(forAnyOf: keys.keys, path: file.path)
        for key in keys.keys + keys.aliases(in: config) {
            if let credentials = try credentials(for: key, in: config, from: choice) {
                return StoredLogin(key: key, credentials: credentials, choice: choice)
            }
        }
        return nil
    }

    /// Saves `credentials` under every key in its store, and removes the registry's alias entries.
    /// - Returns: the store that holds them now.
    @discardableResult
    public func save(_ credentials: Credentials, under keys: StorageKeys) throws(StoreError) -> StoreChoice {
        try file.update { (config) throws(StoreError) -> StoreChoice in
            let choice = try config.storeChoice(forAnyOf: keys.keys, path: file.path)
            let store = try store(for: choice)
            for key in keys.keys { try store.store(credentials, for: key, in: &config) }
            for alias in keys.aliases(in: config) { _ = try store.erase(server: alias, in: &config) }
            return choice
        }
    }

    /// Removes the registry's credentials, under its keys and every alias, from its store and from config.json.
    /// - Returns: whether anything was stored.
    public func remove(_ keys: StorageKeys) throws(StoreError) -> Bool {
        // No config file: no helper is configured and nothing is stored, so nothing is created either.
        guard file.exists() else { return false }
        return try file.update { (config) throws(StoreError) -> Bool in
            let choice = try config.storeChoice(forAnyOf: keys.keys, path: file.path)
            let store = try store(for: choice)
            var removed = false
            for key in keys.keys + keys.aliases(in: config) {
                if try store.erase(server: key, in: &config) { removed = true }
            }
            return removed
        }
    }

    /// What `key` holds in the store `choice` names: config.json's entry, or the helper's answer to `get`.
    func credentials(for key: String, in config: ConfigDocument, from choice: StoreChoice) throws(StoreError) -> Credentials? {
        switch choice {
        case .file:
            return config.storedCredentials(for: key)
        case .helper(let name, let configKey):
            return try CredentialHelper(name: name, configKey: configKey, timeoutSeconds: helperTimeoutSeconds).get(key)
        }
    }

    /// The writer for a choice.
    func store(for choice: StoreChoice) throws(StoreError) -> any CredentialWriter {
        switch choice {
        case .file:
            return FileCredentialStore(path: file.path)
        case .helper(let name, let configKey):
            let helper = try CredentialHelper(name: name, configKey: configKey, timeoutSeconds: helperTimeoutSeconds)
            return HelperCredentialStore(helper: helper, path: file.path)
        }
    }
}
