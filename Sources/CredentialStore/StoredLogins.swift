import PolicyBase

extension CredentialStorage {
    /// Every stored login: each `auths` entry of config.json read from the store the config names for it,
    /// and each server the configured helpers list. Sorted by key; an entry with nothing readable is left out.
    public func allLogins() throws(StoreError) -> [StoredLogin] {
        let config = try file.read()
        var found: [String: StoredLogin] = [:]
        let keys = config.members["auths"]?.objectValue?.keys.sorted() ?? []
        for key in keys {
            let choice = try config.storeChoice(for: key, path: file.path)
            if let credentials = try credentials(for: key, in: config, from: choice) {
                found[key] = StoredLogin(key: key, credentials: credentials, choice: choice)
            }
        }
        // The helpers that may hold logins config.json has no entry for: credsStore/credStore, then credHelpers'.
        var helpers: [(name: String, configKey: String)] = []
        if case .helper(let name, let configKey) = try config.storeChoice(forAnyOf: [], path: file.path) {
            helpers.append((name, configKey))
        }
        for helper in config.helperNamesByServer() where !helpers.contains(where: { $0.name == helper.name }) {
            helpers.append(helper)
        }
        for (name, configKey) in helpers {
            let choice = StoreChoice.helper(name: name, configKey: configKey)
            let helper = try CredentialHelper(name: name, configKey: configKey, timeoutSeconds: helperTimeoutSeconds)
            for server in try helper.list().keys.sorted() where found[server] == nil {
                if let credentials = try helper.get(server) {
                    found[server] = StoredLogin(key: server, credentials: credentials, choice: choice)
                }
            }
        }
        return found.values.sorted { $0.key < $1.key }
    }

    /// Removes one login from the store it was found in (`allLogins`), and its `auths` entry.
    /// - Returns: whether anything was there.
    public func remove(_ login: StoredLogin) throws(StoreError) -> Bool {
        guard file.exists() || login.choice != .file else { return false }
        return try file.update { (config) throws(StoreError) -> Bool in
            try store(for: login.choice).erase(server: login.key, in: &config)
        }
    }

}

extension ConfigDocument {
    /// The helpers `credHelpers` names, each with the config key of its first server.
    func helperNamesByServer() -> [(name: String, configKey: String)] {
        let byServer = members["credHelpers"]?.objectValue ?? [:]
        var seen: Set<String> = []
        return byServer.keys.sorted().compactMap { server in
            guard let name = byServer[server]?.stringValue, !name.isEmpty, seen.insert(name).inserted else { return nil }
            return (name, "credHelpers[\"\(server)\"]")
        }
    }
}
