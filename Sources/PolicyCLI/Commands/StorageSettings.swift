import CredentialStore
import Platform
import PolicyBase

/// The credential stores a command uses: config.json in the config directory, whose lock is waited for up to
/// `$POLICY_LOCK_TIMEOUT` seconds (default 120, announced after a second), and credential helpers bounded by
/// `$POLICY_HELPER_TIMEOUT` seconds per call (default 60).
enum StorageSettings {
    static let defaultHelperTimeout = 60
    static let helperTimeoutVariable = "POLICY_HELPER_TIMEOUT"
    static let defaultLockTimeout = 120
    static let lockTimeoutVariable = "POLICY_LOCK_TIMEOUT"

    static func storage(_ context: CommandContext) throws -> CredentialStorage {
        let timeout = try helperTimeout(context.environment[helperTimeoutVariable])
        let lockTimeout = try seconds(
            context.environment[lockTimeoutVariable], variable: lockTimeoutVariable,
            default: defaultLockTimeout)
        let output = context.output
        ConfigFile.lockWait = LockWait(announceAfterMilliseconds: 1000, giveUpAfterSeconds: lockTimeout) { path in
            output.error(StoreNotes.waitingForLock(path))
        }
        return CredentialStorage(configDirectory: try context.configDirectory(), helperTimeoutSeconds: timeout)
    }

    /// `$POLICY_HELPER_TIMEOUT`'s seconds.
    static func helperTimeout(_ text: String?) throws(InputError) -> Int {
        try seconds(text, variable: helperTimeoutVariable, default: defaultHelperTimeout)
    }

    /// Seconds from a variable's text: unset or empty means the default; anything outside `TimeoutSeconds.allowed`
    /// is a usage error.
    private static func seconds(_ text: String?, variable: String, default value: Int) throws(InputError) -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let seconds = TimeoutSeconds.parse(text) else {
            throw InputError.invalidSecondsVariable(variable: variable, value: OutsideText(text, .word))
        }
        return seconds
    }
}
