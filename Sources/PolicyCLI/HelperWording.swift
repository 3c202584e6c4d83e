import CredentialStore

/// The sentences for credential-helper failures (exit 5), quoting what the helper itself said.
enum HelperWording {
    static func sentence(executable: String, verb: HelperVerb, problem: HelperProblem) -> String {
        switch problem {
        case .failed(let message, let status):
            let said = message.isEmpty ? "without saying why" : "saying: \(message)"
            return "The credential helper \(executable) could not \(verb.action) (\(status.text)), \(said)"
        case .timedOut(let seconds):
            return "The credential helper \(executable) did not finish '\(verb.rawValue)' within \(seconds) seconds and was stopped; if it waits for a passphrase, unlock it first, or raise $\(StorageSettings.helperTimeoutVariable)."
        case .outputTooLarge(let limit):
            return "The credential helper \(executable) wrote more than \(limit / 1024) KiB for '\(verb.rawValue)' and was stopped."
        case .invalidReply:
            return "The credential helper \(executable) answered '\(verb.rawValue)' with something other than the JSON the protocol prescribes."
        case .couldNotRun(let reason):
            return "Cannot run the credential helper \(executable): \(reason)"
        }
    }

    /// A config value shown inside quotes: control characters replaced, long values cut.
    static func quoted(_ text: String) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return visible.count > 80 ? String(visible.prefix(80)) + "…" : visible
    }
}

extension HelperVerb {
    /// What the verb asks for, as the end of "could not …".
    var action: String {
        switch self {
        case .store: return "store the credentials"
        case .get: return "read the credentials"
        case .erase: return "erase the credentials"
        case .list: return "list the stored credentials"
        }
    }
}

extension HelperExitStatus {
    var text: String {
        switch self {
        case .exited(let code): return "exit status \(code)"
        case .signaled(let signal): return "killed by signal \(signal)"
        }
    }
}

/// Where a login put the credentials, for `--debug`.
enum StoreNotes {
    static let noConfigDirectory =
        "Cannot tell where to keep credentials: HOME is unset and the user has no home directory; pass --config DIR or set POLICY_CONFIG_DIR."

    static func saved(server: String, choice: StoreChoice, file: String) -> String {
        switch choice {
        case .file:
            return "store: wrote auths[\"\(server)\"] to \(file)"
        case .helper(let name, let configKey):
            return "store: docker-credential-\(name) (\(configKey)) stored the credentials; wrote auths[\"\(server)\"] without a secret to \(file)"
        }
    }
}
