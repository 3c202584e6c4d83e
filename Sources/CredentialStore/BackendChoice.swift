import PolicyBase

/// Where the credentials of one server live, as the config file says.
public enum BackendChoice: Sendable, Equatable {
    /// In config.json itself, as `auths[server].auth`.
    case file
    /// In `docker-credential-<name>`, named by the config entry `configKey` (e.g. `credsStore`).
    case helper(name: String, configKey: String)

    /// The helper's name (`pass`), nil for the file.
    public var helperName: String? {
        if case .helper(let name, _) = self { return name }
        return nil
    }
}

extension ConfigDocument {
    /// The store for `server`: `credHelpers[server]`, else `credsStore` or `credStore`, else the file.
    /// Empty names count as absent, as docker treats them.
    /// - Throws: `conflictingStores` when `credsStore` and `credStore` differ; `invalidEntry` for wrong JSON types.
    public func storeChoice(for server: String) throws(StoreError) -> BackendChoice {
        try storeChoice(forAnyOf: [server])
    }

    /// The same for a registry stored under several keys (Docker Hub): the first key `credHelpers` names wins.
    public func storeChoice(forAnyOf servers: [String]) throws(StoreError) -> BackendChoice {
        if let helpers = members["credHelpers"] {
            guard let byServer = helpers.objectValue else {
                throw .invalidEntry(path: path, key: "credHelpers", expected: .object)
            }
            for server in servers {
                if let name = try nonEmptyString(byServer[server], key: "credHelpers[\"\(server)\"]") {
                    return .helper(name: name, configKey: "credHelpers[\"\(server)\"]")
                }
            }
        }
        let docker = try nonEmptyString(members["credsStore"], key: "credsStore")
        let policy = try nonEmptyString(members["credStore"], key: "credStore")
        switch (docker, policy) {
        case (let docker?, let policy?) where docker != policy:
            throw .conflictingStores(credsStore: OutsideText(docker, .name), credStore: OutsideText(policy, .name))
        case (let docker?, _):
            return .helper(name: docker, configKey: "credsStore")
        case (nil, let policy?):
            return .helper(name: policy, configKey: "credStore")
        case (nil, nil):
            return .file
        }
    }

    private func nonEmptyString(_ value: JSONValue?, key: String) throws(StoreError) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue else {
            throw .invalidEntry(path: path, key: OutsideText(key, .name), expected: .string)
        }
        return text.isEmpty ? nil : text
    }
}
