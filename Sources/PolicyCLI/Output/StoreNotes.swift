import CredentialStore

/// Where a login put the credentials, for `--debug`.
enum StoreNotes {
    static func saved(keys: [String], choice: StoreChoice, file: String) -> String {
        let entries = keys.map { "auths[\"\($0)\"]" }.joined(separator: " and ")
        switch choice {
        case .file:
            return "store: wrote \(entries) to \(file)"
        case .helper(let name, let configKey):
            return "store: \(CredentialHelper.executable(named: name)) (\(configKey)) stored the credentials; wrote \(entries) without a secret to \(file)"
        }
    }
}
