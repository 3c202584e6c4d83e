import PolicyBase

/// Credentials kept by a credential helper. config.json only records that the server is logged in:
/// `auths[server]` becomes `{}` (keys we do not know are kept; secret-bearing ones are dropped).
public struct HelperBackend: CredentialBackend {
    public let helper: CredentialHelper

    public init(helper: CredentialHelper) {
        self.helper = helper
    }

    public var choice: BackendChoice { .helper(name: helper.name, configKey: helper.configKey) }

    public func checkAvailable() throws(StoreError) {
        try helper.checkInstalled()
    }

    public func checkCanStore(_ credentials: Credentials) throws(StoreError) {
        try helper.checkCanStore(credentials)
    }

    public func get(_ server: String, in config: ConfigDocument) throws(StoreError) -> Credentials? {
        try helper.get(server)
    }

    public func list(in config: ConfigDocument) throws(StoreError) -> [String: String] {
        try helper.list()
    }

    public func store(
        _ credentials: Credentials, for server: String, in config: inout ConfigDocument
    ) throws(StoreError) {
        // Check the entry can be written before the helper is asked, so a bad file changes nothing anywhere.
        var changed = config
        try changed.updateAuthEntry(server: server) { entry in
            for key in ConfigDocument.credentialKeys { entry[key] = nil }
        }
        try helper.store(credentials, for: server)
        config = changed
    }

    /// An `auths` entry says the helper holds the login: one `erase` does. Helpers differ on erasing what they do
    /// not hold (docker-credential-pass fails, others succeed), so a failed `erase` is followed by `get`: nothing
    /// there means nothing to remove. Without an entry, `get` first tells whether there is anything to erase; a
    /// `get` that fails does not stop the `erase` (what cannot be read may still be removed).
    public func erase(_ server: String, in config: inout ConfigDocument) throws(StoreError) -> Bool {
        var changed = config
        let recorded = try changed.removeAuthEntry(server: server)
        if recorded {
            do {
                try helper.erase(server)
            } catch {
                guard try helper.get(server) == nil else { throw error }
            }
        } else {
            do {
                guard try helper.get(server) != nil else { return false }
            } catch {
                // Unreadable is not absent: try the erase, and report its failure if it fails too.
            }
            try helper.erase(server)
        }
        config = changed
        return true
    }
}
