import PolicyBase
import CredentialStore

/// The credential stores a command uses: config.json in the config directory, and credential helpers
/// bounded by `$POLICY_HELPER_TIMEOUT` seconds per call (default 60).
enum StorageSettings {
    static let defaultHelperTimeout = 60
    static let helperTimeoutVariable = "POLICY_HELPER_TIMEOUT"

    static func storage(_ context: CommandContext) throws -> CredentialStorage {
        let timeout = try helperTimeout(context.environment[helperTimeoutVariable])
        return CredentialStorage(configDirectory: try context.configDirectory(), helperTimeoutSeconds: timeout)
    }

    /// Seconds from the variable's text: unset or empty means the default; anything outside `TimeoutSeconds.allowed` is a usage error.
    static func helperTimeout(_ text: String?) throws(InputError) -> Int {
        guard let text, !text.isEmpty else { return defaultHelperTimeout }
        guard let seconds = TimeoutSeconds.parse(text) else {
            throw InputError.invalidHelperTimeout(variable: helperTimeoutVariable, value: OutsideText(text, .word))
        }
        return seconds
    }
}
