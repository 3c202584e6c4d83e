extension CredentialStorage {
    /// The keys of every login docker would use with this config, read without any secret: config.json's `auths`
    /// keys, the registries `credHelpers` routes, and what the `credsStore`/`credStore` helper lists. Best
    /// effort, for shell completion: an unreadable config gives none, and a helper that is missing, fails or runs
    /// out of time adds none.
    public func storedServerKeys() -> [String] {
        guard let config = try? file.read() else { return [] }
        var keys = Set((try? config.auths().keys.map { $0 }) ?? [])
        keys.formUnion((try? config.credentialHelpers().keys.map { $0 }) ?? [])
        if let defaultStore = try? config.storeChoice(forAnyOf: []), defaultStore != .file,
            let listed = try? backends.backend(defaultStore).list(in: config)
        {
            keys.formUnion(listed.keys)
        }
        return keys.sorted()
    }
}
