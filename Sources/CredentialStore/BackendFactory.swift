/// Makes the backend that keeps a server's credentials, as the config names it: the one place a
/// `CredentialHelper` is built.
public struct BackendFactory: Sendable {
    /// Bound on each credential-helper call, in seconds.
    public let helperTimeoutSeconds: Int

    public init(helperTimeoutSeconds: Int) {
        self.helperTimeoutSeconds = helperTimeoutSeconds
    }

    /// The backend `choice` names.
    /// - Throws: `invalidHelperName` when a helper's name could not name an executable.
    public func backend(_ choice: BackendChoice) throws(StoreError) -> any CredentialBackend {
        switch choice {
        case .file:
            return FileBackend()
        case .helper(let name, let configKey):
            return HelperBackend(
                helper: try CredentialHelper(name: name, configKey: configKey, timeoutSeconds: helperTimeoutSeconds))
        }
    }

    /// The backend `config` names for a registry stored under `keys` (the first key `credHelpers` names wins).
    /// - Throws: what `storeChoice(forAnyOf:)` and `backend(_:)` throw.
    public func backend(forAnyOf keys: [String], in config: ConfigDocument) throws(StoreError) -> any CredentialBackend
    {
        try backend(config.storeChoice(forAnyOf: keys))
    }
}
