import Platform

/// Where config.json lives: `-c DIR`, else `$POLICY_CONFIG_DIR`, else `~/.policy`, where `~` is `$HOME` or,
/// when that is unset, the user's home directory in /etc/passwd. Never the working directory:
/// a CI job's checkout is no place for credentials.
enum ConfigLocation {
    static let environmentVariable = "POLICY_CONFIG_DIR"

    /// The directory, or nil when no home directory can be found.
    static func directory(option: String?, environment: [String: String]) -> String? {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        guard let home = environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) ?? CurrentProcess.passwordDatabaseHome()
        else { return nil }
        return home + "/.policy"
    }
}
