import PolicyBase

/// Every login docker would use with this config, by its own rules (configfile's GetAllCredentials): the default
/// store's — config.json's `auths`, or the list of the `credsStore` helper — then, winning for their registries, what
/// each `credHelpers` helper answers to `get`. What could not be read is kept beside, never passed over.
public struct LoginInventory: Sendable {
    /// Sorted by key.
    public var logins: [StoredLogin]
    /// One entry per helper that failed, with the registries it left unknown.
    public var unreadable: [UnreadableStore]
    /// `auths` keys that hold a secret docker does not use, because a helper keeps that registry's logins (a
    /// plain-text `auth` beside `credsStore`): still on disk, and removed by `logout --all`.
    public var unusedSecrets: [String]
    /// The registries `credHelpers` routes to a helper of their own.
    var routed: Set<String>

    /// Whether the store that keeps a registry stored under `keys` could not be read: its absence from `logins`
    /// then says nothing.
    public func isUnreadable(_ keys: [String]) -> Bool {
        keys.contains { key in
            unreadable.contains { store in store.servers.map { $0.contains(key) } ?? !routed.contains(key) }
        }
    }
}

/// A helper that could not be read, and what it leaves unknown.
public struct UnreadableStore: Sendable, Equatable {
    public var error: StoreError
    /// The registries it keeps: the `credHelpers` ones that name it; nil for the default store (every other one).
    public var servers: [String]?
}

extension CredentialStorage {
    /// The logins docker would use, each marked with whether this config records it (`StoredLogin.recorded`).
    /// One failing helper is one `UnreadableStore`: the rest are still read, and a missing helper affects only
    /// its own registries.
    /// - Throws: only what makes config.json itself unreadable (not JSON, wrong types, conflicting store names).
    public func inventory() throws(StoreError) -> LoginInventory {
        let config = try file.read()
        let auths = try config.auths()
        let routed = try config.credentialHelpers()
        var found: [String: StoredLogin] = [:]
        // One entry per helper, in the order met: the first failure says why; the registries it keeps add up.
        var unreadable: [(helper: String, store: UnreadableStore)] = []
        func failed(_ error: StoreError, _ choice: BackendChoice, servers: [String]?) {
            let helper = choice.helperName ?? ""
            guard let index = unreadable.firstIndex(where: { $0.helper == helper }) else {
                return unreadable.append((helper, UnreadableStore(error: error, servers: servers)))
            }
            if let servers, let known = unreadable[index].store.servers {
                unreadable[index].store.servers = known + servers
            } else {
                unreadable[index].store.servers = nil
            }
        }

        let defaultStore = try config.storeChoice(forAnyOf: [])
        switch defaultStore {
        case .file:
            for key in auths.keys {
                if let credentials = config.storedCredentials(for: key) {
                    found[key] = StoredLogin(key: key, credentials: credentials, choice: .file)
                }
            }
        case .helper:
            do {
                let backend = try backends.backend(defaultStore)
                let listed: [String]
                do {
                    listed = Array(try backend.list(in: config).keys)
                } catch {
                    // Without a list (a helper that does not implement it, or fails), the logins this config
                    // records can still be asked for one by one.
                    failed(error, defaultStore, servers: nil)
                    listed = auths.keys.filter { routed[$0] == nil }
                }
                for server in listed {
                    do {
                        if let credentials = try backend.get(server, in: config) {
                            found[server] = StoredLogin(
                                key: server, credentials: credentials, choice: defaultStore,
                                recorded: auths[server] != nil)
                        }
                    } catch {
                        failed(error, defaultStore, servers: nil)
                    }
                }
            } catch {
                failed(error, defaultStore, servers: nil)
            }
        }

        for (server, name) in routed.sorted(by: { $0.key < $1.key }) {
            let choice = BackendChoice.helper(name: name, configKey: "credHelpers[\"\(server)\"]")
            // The helper's answer replaces the default store's, also when it has none (docker's rule).
            found[server] = nil
            do {
                if let credentials = try backends.backend(choice).get(server, in: config) {
                    found[server] = StoredLogin(key: server, credentials: credentials, choice: choice)
                }
            } catch {
                failed(error, choice, servers: [server])
            }
        }

        let unused = auths.keys.filter { key in
            config.storedCredentials(for: key) != nil && (routed[key] != nil || defaultStore != .file)
        }
        return LoginInventory(
            logins: found.values.sorted { $0.key < $1.key }, unreadable: unreadable.map(\.store),
            unusedSecrets: unused.sorted(), routed: Set(routed.keys))
    }
}

extension ConfigDocument {
    /// `credHelpers`: each registry with the helper it names; empty names count as absent, as docker treats them.
    /// - Throws: `invalidEntry` for wrong JSON types.
    func credentialHelpers() throws(StoreError) -> [String: String] {
        guard let value = members["credHelpers"] else { return [:] }
        guard let object = value.objectValue else {
            throw .invalidEntry(path: path, key: "credHelpers", expected: .object)
        }
        var helpers: [String: String] = [:]
        for (server, name) in object {
            guard let text = name.stringValue else {
                throw .invalidEntry(
                    path: path, key: OutsideText("credHelpers[\"\(server)\"]", .name), expected: .string)
            }
            if !text.isEmpty { helpers[server] = text }
        }
        return helpers
    }
}
