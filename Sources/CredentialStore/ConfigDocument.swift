import PolicyBase

/// The content of a docker-format config.json, with the path it was read from (every error names it). Only
/// `auths` and the store keys are interpreted; every other key, at every level, is carried through untouched.
public struct ConfigDocument: Sendable, Equatable {
    /// The file the document was read from and is written back to.
    public let path: String
    public var members: [String: JSONValue]

    public init(path: String, members: [String: JSONValue] = [:]) {
        self.path = path
        self.members = members
    }

    /// The `auths` entry for `server`, if present and an object.
    public func authEntry(for server: String) -> [String: JSONValue]? {
        members["auths"]?.objectValue?[server]?.objectValue
    }

    /// The `auths` object (empty when absent).
    /// - Throws: `invalidEntry` when `auths` is not an object.
    func auths() throws(StoreError) -> [String: JSONValue] {
        guard let existing = members["auths"] else { return [:] }
        guard let object = existing.objectValue else {
            throw .invalidEntry(path: path, key: "auths", expected: .object)
        }
        return object
    }

    /// The `auths` entry for `server`, nil when there is none.
    /// - Throws: `invalidEntry` when `auths` or the entry is not an object.
    func checkedAuthEntry(for server: String) throws(StoreError) -> [String: JSONValue]? {
        guard let existing = try auths()[server] else { return nil }
        guard let entry = existing.objectValue else {
            throw .invalidEntry(path: path, key: OutsideText("auths[\"\(server)\"]", .name), expected: .object)
        }
        return entry
    }

    /// The `auths` entry keys that carry a secret or its user. Docker-compatible tools prefer an
    /// `identitytoken` over `auth`, so a stale one would silently override a new login.
    public static let credentialKeys = ["auth", "username", "password", "identitytoken", "registrytoken"]

    /// Sets `auths[server].auth = base64(username:secret)`, dropping the entry's other credential keys and
    /// keeping every other key.
    public mutating func setBasicAuth(server: String, username: String, secret: [UInt8]) throws(StoreError) {
        try updateAuthEntry(server: server) { entry in
            for key in Self.credentialKeys { entry[key] = nil }
            entry["auth"] = .string(Self.encodeAuth(username: username, secret: secret))
        }
    }

    /// Applies `change` to `auths[server]` (created empty when missing).
    public mutating func updateAuthEntry(
        server: String, _ change: (inout [String: JSONValue]) -> Void
    ) throws(StoreError) {
        var auths = try auths()
        var entry = try checkedAuthEntry(for: server) ?? [:]
        change(&entry)
        auths[server] = .object(entry)
        members["auths"] = .object(auths)
    }

    /// Removes `auths[server]`. Returns whether there was one.
    @discardableResult
    public mutating func removeAuthEntry(server: String) throws(StoreError) -> Bool {
        var auths = try auths()
        guard auths[server] != nil else { return false }
        auths[server] = nil
        members["auths"] = .object(auths)
        return true
    }

    /// `base64(username:secret)`, the docker `auth` field, of the secret's bytes as they are.
    public static func encodeAuth(username: String, secret: [UInt8]) -> String {
        Base64.encode(Array(username.utf8) + [UInt8(ascii: ":")] + secret)
    }
}
