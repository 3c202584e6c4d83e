/// Where config.json lives: `-c DIR`, else `$POLICY_CONFIG_DIR`, else `~/.policy`.
enum ConfigLocation {
    static func directory(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["POLICY_CONFIG_DIR"], !fromEnvironment.isEmpty { return fromEnvironment }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.policy"
    }
}
