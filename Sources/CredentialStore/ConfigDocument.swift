import PolicyBase

/// The content of a docker-format config.json. Only `auths` and the store keys are interpreted;
/// every other key, at every level, is carried through untouched.
public struct ConfigDocument: Sendable, Equatable {
    public var members: [String: JSONValue]

    public init(members: [String: JSONValue] = [:]) {
        self.members = members
    }

    /// The top-level `defaultDomain` key in which policy before 0.4 kept the server `login -d` remembered.
    /// Still read when `default-domain.cfg` is absent; removed when `login -d` writes that file.
    public var legacyDefaultDomain: String? {
        get { members["defaultDomain"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        set { members["defaultDomain"] = newValue.map(JSONValue.string) }
    }

    /// The `auths` entry for `server`, if present and an object.
    public func authEntry(for server: String) -> [String: JSONValue]? {
        members["auths"]?.objectValue?[server]?.objectValue
    }

    /// The `auths` entry keys that carry a secret or its user. Docker-compatible tools prefer an
    /// `identitytoken` over `auth`, so a stale one would silently override a new login.
    public static let credentialKeys = ["auth", "username", "password", "identitytoken", "registrytoken"]

    /// Sets `auths[server].auth = base64(username:secret)`, dropping the entry's other credential keys and
    /// keeping every other key.
    public mutating func setBasicAuth(server: String, username: String, secret: String, path: String) throws(StoreError) {
        try updateAuthEntry(server: server, path: path) { entry in
            for key in Self.credentialKeys { entry[key] = nil }
            entry["auth"] = .string(Self.encodeAuth(username: username, secret: secret))
        }
    }

    /// Applies `change` to `auths[server]` (created empty when missing).
    public mutating func updateAuthEntry(server: String, path: String,
                                         _ change: (inout [String: JSONValue]) -> Void) throws(StoreError) {
        var auths: [String: JSONValue] = [:]
        if let existing = members["auths"] {
            guard let object = existing.objectValue else { throw .invalidEntry(path: path, key: "auths", expected: .object) }
            auths = object
        }
        var entry: [String: JSONValue] = [:]
        if let existing = auths[server] {
            guard let object = existing.objectValue else { throw .invalidEntry(path: path, key: OutsideText("auths[\"\(server)\"]", .name), expected: .object) }
            entry = object
        }
        change(&entry)
        auths[server] = .object(entry)
        members["auths"] = .object(auths)
    }

    /// Removes `auths[server]`. Returns whether there was one.
    @discardableResult
    public mutating func removeAuthEntry(server: String, path: String) throws(StoreError) -> Bool {
        guard let existing = members["auths"] else { return false }
        guard var auths = existing.objectValue else { throw .invalidEntry(path: path, key: "auths", expected: .object) }
        guard auths[server] != nil else { return false }
        auths[server] = nil
        members["auths"] = .object(auths)
        return true
    }

    /// `base64(username:secret)`, the docker `auth` field.
    public static func encodeAuth(username: String, secret: String) -> String {
        Base64.encode((username + ":" + secret).utf8)
    }
}
