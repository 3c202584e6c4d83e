import PolicyBase

extension ConfigDocument {
    /// The credentials an `auths` entry holds, as docker reads them: an `identitytoken` first (its user is the
    /// one in `auth` or `username`), else `auth` = base64(user:secret), else `username` and `password`.
    /// nil when the entry holds none (an empty entry of a helper store, or an unreadable `auth`).
    public func storedCredentials(for key: String) -> Credentials? {
        guard let entry = authEntry(for: key) else { return nil }
        let basic = entry["auth"]?.stringValue.flatMap(Self.decodeAuth)
        let username = basic?.username ?? entry["username"]?.stringValue ?? ""
        if let token = entry["identitytoken"]?.stringValue, !token.isEmpty {
            return Credentials(username: username, secret: token, kind: .identityToken)
        }
        if let basic, !basic.secret.isEmpty { return basic }
        if let password = entry["password"]?.stringValue, !password.isEmpty, !username.isEmpty {
            return Credentials(username: username, secret: Array(password.utf8))
        }
        return nil
    }

    /// `user:secret` from a base64 `auth` value, the secret's bytes as they are (docker writes passwords that are
    /// not UTF-8); nil when it is not that.
    static func decodeAuth(_ auth: String) -> Credentials? {
        guard let bytes = Base64.decode(auth), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return Credentials(
            username: String(decoding: bytes[..<colon], as: UTF8.self), secret: Array(bytes[(colon + 1)...]))
    }
}
