extension CredentialStorage {
    /// The keys of every stored login, read without any secret: config.json's `auths` keys and what each
    /// helper the config names lists. Best effort, for shell completion: an unreadable config gives none, and
    /// a helper that is missing, fails or runs out of time adds none.
    public func storedServerKeys() -> [String] {
        guard let config = try? file.read() else { return [] }
        var keys = Set(config.members["auths"]?.objectValue?.keys.map { $0 } ?? [])
        for choice in (try? config.listingHelpers()) ?? [] {
            guard let listed = try? backends.backend(choice).list(in: config) else { continue }
            keys.formUnion(listed.keys)
        }
        return keys.sorted()
    }
}
