import PolicyBase

/// Saves and removes a server's credentials in the store the config names for it, under the config file's
/// lock: the file itself, or a credential helper. This is what the commands use.
public struct CredentialStorage: Sendable {
    public let file: ConfigFile
    /// Bound on each credential-helper call.
    public let helperTimeoutSeconds: Int

    public init(configDirectory: String, helperTimeoutSeconds: Int = 60) {
        file = ConfigFile(directory: configDirectory)
        self.helperTimeoutSeconds = helperTimeoutSeconds
    }

    /// Reads the config and finds the store for `server` without writing anything: a corrupt file, an `auths`
    /// entry of the wrong type, conflicting store names or a missing helper are reported before a login
    /// contacts the registry.
    @discardableResult
    public func check(server: String) throws(StoreError) -> StoreChoice {
        var config = try file.read()
        let choice = try config.storeChoice(for: server, path: file.path)
        try config.updateAuthEntry(server: server, path: file.path) { _ in }
        if case .helper(let name, let configKey) = choice {
            try CredentialHelper(name: name, configKey: configKey, timeoutSeconds: helperTimeoutSeconds)
                .checkInstalled()
        }
        return choice
    }

    /// Saves `credentials` for `server` in its store.
    /// - Parameter extra: a further change to config.json made in the same locked write (e.g. the default domain).
    /// - Returns: the store that holds them now.
    @discardableResult
    public func save(_ credentials: Credentials, for server: String,
                     alsoChanging extra: (inout ConfigDocument) -> Void = { _ in }) throws(StoreError) -> StoreChoice {
        try file.update { (config) throws(StoreError) -> StoreChoice in
            let choice = try config.storeChoice(for: server, path: file.path)
            try store(for: choice).store(credentials, for: server, in: &config)
            extra(&config)
            return choice
        }
    }

    /// Removes the credentials of `server` from its store, and its entry from config.json.
    /// - Returns: whether anything was stored.
    public func remove(server: String) throws(StoreError) -> Bool {
        // No config file: no helper is configured and nothing is stored, so nothing is created either.
        guard file.exists() else { return false }
        return try file.update { (config) throws(StoreError) -> Bool in
            let choice = try config.storeChoice(for: server, path: file.path)
            return try store(for: choice).erase(server: server, in: &config)
        }
    }

    /// The reader and writer for a choice.
    public func store(for choice: StoreChoice) throws(StoreError) -> any CredentialWriter {
        switch choice {
        case .file:
            return FileCredentialStore(path: file.path)
        case .helper(let name, let configKey):
            let helper = try CredentialHelper(name: name, configKey: configKey, timeoutSeconds: helperTimeoutSeconds)
            return HelperCredentialStore(helper: helper, path: file.path)
        }
    }
}
