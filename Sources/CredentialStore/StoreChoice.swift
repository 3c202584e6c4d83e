import PolicyBase

/// Where the credentials of one server live, as the config file says.
public enum StoreChoice: Sendable, Equatable {
    /// In config.json itself, as `auths[server].auth`.
    case file
    /// In `docker-credential-<name>`, named by the config entry `configKey` (e.g. `credsStore`).
    case helper(name: String, configKey: String)
}

extension ConfigDocument {
    /// The store for `server`: `credHelpers[server]`, else `credsStore` or `credStore`, else the file.
    /// Empty names count as absent, as docker treats them.
    /// - Parameter path: the config file, for error messages.
    /// - Throws: `conflictingStores` when `credsStore` and `credStore` differ; `invalidEntry` for wrong JSON types.
    public func storeChoice(for server: String, path: String) throws(StoreError) -> StoreChoice {
        try storeChoice(forAnyOf: [server], path: path)
    }

    /// The same for a registry stored under several keys (Docker Hub): the first key `credHelpers` names wins.
    public func storeChoice(forAnyOf servers: [String], path: String) throws(StoreError) -> StoreChoice {
        if let helpers = members["credHelpers"] {
            guard let byServer = helpers.objectValue else {
                throw .invalidEntry(path: path, key: "credHelpers", expected: .object)
            }
            for server in servers {
                if let name = try nonEmptyString(byServer[server], key: "credHelpers[\"\(server)\"]", path: path) {
                    return .helper(name: name, configKey: "credHelpers[\"\(server)\"]")
                }
            }
        }
        let docker = try nonEmptyString(members["credsStore"], key: "credsStore", path: path)
        let policy = try nonEmptyString(members["credStore"], key: "credStore", path: path)
        switch (docker, policy) {
        case let (docker?, policy?) where docker != policy:
            throw .conflictingStores(credsStore: OutsideText(docker, .name), credStore: OutsideText(policy, .name))
        case let (docker?, _):
            return .helper(name: docker, configKey: "credsStore")
        case let (nil, policy?):
            return .helper(name: policy, configKey: "credStore")
        case (nil, nil):
            return .file
        }
    }

    private func nonEmptyString(_ value: JSONValue?, key: String, path: String) throws(StoreError) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue else { throw .invalidEntry(path: path, key: OutsideText(key, .name), expected: .string) }
        return text.isEmpty ? nil : text
    }
}
