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
        let lockTimeout = try seconds(context.environment[lockTimeoutVariable], variable: lockTimeoutVariable,
                                      default: defaultLockTimeout)
        let output = context.output
        ConfigFile.lockWait = LockWait(announceAfterMilliseconds: 1000, giveUpAfterSeconds: lockTimeout) { path in
            output.error(StoreNotes.waitingForLock(path))
        }
        return CredentialStorage(configDirectory: try context.configDirectory(), helperTimeoutSeconds: timeout)
    }

    /// Seconds from the variable's text: unset or empty means the default; anything but 1…3600 is a usage error.
    static func helperTimeout(_ text: String?) throws(InputError) -> Int {
        try seconds(text, variable: helperTimeoutVariable, default: defaultHelperTimeout)
    }

    private static func seconds(_ text: String?, variable: String, default value: Int) throws(InputError) -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let seconds = Int(text), (1...3600).contains(seconds) else {
            throw InputError.invalidHelperTimeout(variable: variable, value: OutsideText(text, .word))
        }
        return seconds
    }
}
