#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Credentials kept in config.json itself: `auths[server].auth = base64(user:secret)`, docker's format.
public struct FileCredentialStore: CredentialReader, CredentialWriter {
    /// The config file, for error messages.
    let path: String

    public init(path: String) {
        self.path = path
    }

    public func credentials(for server: String, in config: ConfigDocument) throws(StoreError) -> Credentials? {
        guard let auth = config.authEntry(for: server)?["auth"]?.stringValue,
              let decoded = Data(base64Encoded: auth),
              let text = String(validating: decoded, as: UTF8.self),
              let colon = text.firstIndex(of: ":")
        else { return nil }
        return Credentials(username: String(text[..<colon]), secret: String(text[text.index(after: colon)...]))
    }

    public func store(_ credentials: Credentials, for server: String, in config: inout ConfigDocument) throws(StoreError) {
        try config.setBasicAuth(server: server, username: credentials.username, secret: credentials.secret, path: path)
    }

    public func erase(server: String, in config: inout ConfigDocument) throws(StoreError) -> Bool {
        try config.removeAuthEntry(server: server, path: path)
    }
}
