import PolicyBase

extension CredentialStorage {
    /// Every stored login: each `auths` entry of config.json read from the backend the config names for it,
    /// and each server the configured helpers list. Sorted by key; an entry with nothing readable is left out.
    public func allLogins() throws(StoreError) -> [StoredLogin] {
        let config = try file.read()
        var found: [String: StoredLogin] = [:]
        let keys = config.members["auths"]?.objectValue?.keys.sorted() ?? []
        for key in keys {
            let backend = try backends.backend(forAnyOf: [key], in: config)
            if let credentials = try backend.get(key, in: config) {
                found[key] = StoredLogin(key: key, credentials: credentials, choice: backend.choice)
            }
        }
        for choice in try config.listingHelpers() {
            let backend = try backends.backend(choice)
            for server in try backend.list(in: config).keys.sorted() where found[server] == nil {
                if let credentials = try backend.get(server, in: config) {
                    found[server] = StoredLogin(key: server, credentials: credentials, choice: choice)
                }
            }
        }
        return found.values.sorted { $0.key < $1.key }
    }

    /// Removes one login from the backend it was found in (`allLogins`), and its `auths` entry.
    /// - Returns: whether anything was there.
    public func remove(_ login: StoredLogin) throws(StoreError) -> Bool {
        guard file.exists() || login.choice != .file else { return false }
        return try file.update { (config) throws(StoreError) -> Bool in
            try backends.backend(login.choice).erase(login.key, in: &config)
        }
    }
}

extension ConfigDocument {
    /// The helpers that may hold logins config.json has no entry for: credsStore/credStore, then credHelpers'.
    func listingHelpers() throws(StoreError) -> [StoreChoice] {
        let defaultStore = try storeChoice(forAnyOf: [])
        var helpers = defaultStore == .file ? [] : [defaultStore]
        for helper in helperNamesByServer() where !helpers.contains(where: { $0.helperName == helper.name }) {
            helpers.append(.helper(name: helper.name, configKey: helper.configKey))
        }
        return helpers
    }

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
