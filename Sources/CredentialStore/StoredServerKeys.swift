extension CredentialStorage {
    /// The keys of every stored login, read without any secret: config.json's `auths` keys and what each
    /// helper the config names lists. Best effort, for shell completion: an unreadable config gives none, and
    /// a helper that is missing, fails or runs out of time adds none.
    public func storedServerKeys() -> [String] {
        guard let config = try? file.read() else { return [] }
        var keys = Set(config.members["auths"]?.objectValue?.keys.map { $0 } ?? [])
        var helpers: [(name: String, configKey: String)] = []
        if case .helper(let name, let configKey)? = try? config.storeChoice(forAnyOf: [], path: file.path) {
            helpers.append((name, configKey))
        }
        for helper in config.helperNamesByServer() where !helpers.contains(where: { $0.name == helper.name }) {
            helpers.append(helper)
        }
        for (name, configKey) in helpers {
            guard let helper = try? CredentialHelper(name: name, configKey: configKey, timeoutSeconds: helperTimeoutSeconds),
                  let listed = try? helper.list() else { continue }
            keys.formUnion(listed.keys)
        }
        return keys.sorted()
    }
}
