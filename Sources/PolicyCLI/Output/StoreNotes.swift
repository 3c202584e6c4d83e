import CredentialStore

/// Where a login put the credentials, for `--debug`, and what a wait for the config lock says.
enum StoreNotes {
    /// Printed once, after about a second of waiting for another process's lock on config.json.
    static func waitingForLock(_ path: String) -> String {
        "Waiting for another policy process to finish with \(path)…"
    }

    static func saved(keys: [String], choice: BackendChoice, file: String) -> String {
        let entries = keys.map { "auths[\"\($0)\"]" }.joined(separator: " and ")
        switch choice {
        case .file:
            return "store: wrote \(entries) to \(file)"
        case .helper(let name, let configKey):
            return
                "store: \(CredentialHelper.executable(named: name)) (\(configKey)) stored the credentials; wrote \(entries) without a secret to \(file)"
        }
    }
}
