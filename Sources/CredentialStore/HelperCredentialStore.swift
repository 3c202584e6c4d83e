import PolicyBase

/// Credentials kept by a credential helper. config.json only records that the server is logged in:
/// `auths[server]` becomes `{}` (keys we do not know are kept; secret-bearing ones are dropped).
public struct HelperCredentialStore: CredentialWriter {
    public let helper: CredentialHelper
    /// The config file, for error messages.
    let path: String

    public init(helper: CredentialHelper, path: String) {
        self.helper = helper
        self.path = path
    }

    public func store(_ credentials: Credentials, for server: String, in config: inout ConfigDocument) throws(StoreError) {
        // Check the entry can be written before the helper is asked, so a bad file changes nothing anywhere.
        var changed = config
        try changed.updateAuthEntry(server: server, path: path) { entry in
            for key in ConfigDocument.credentialKeys { entry[key] = nil }
        }
        try helper.store(credentials, for: server)
        config = changed
    }

    public func erase(server: String, in config: inout ConfigDocument) throws(StoreError) -> Bool {
        var changed = config
        let hadEntry = try changed.removeAuthEntry(server: server, path: path)
        let helperHadIt = try helper.get(server) != nil
        if helperHadIt { try helper.erase(server) }
        config = changed
        return hadEntry || helperHadIt
    }
}
