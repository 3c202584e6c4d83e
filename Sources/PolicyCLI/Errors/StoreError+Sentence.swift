import CredentialStore
import Platform
import PolicyBase

/// The sentences for storage failures (exit 5).
extension StoreError: ReportableError {
    var exitCode: ExitCode { .storage }

    var sentence: String {
        switch self {
        case .fileSystem(let operation, let path, let code):
            return "Cannot \(operation) '\(path)': \(Errno(rawValue: code))."
        case .lockTimedOut(let path, let seconds):
            return
                "Gave up after \(Plural.seconds(seconds)) waiting for another process to release '\(path)'; try again when it has finished, or raise $\(StorageSettings.lockTimeoutVariable)."
        case .notRegularFile(let path, let target?):
            return
                "'\(path)' links to '\(OutsideText(target))', which is not a regular file; policy keeps credentials only in a regular file, and changed nothing. Point the link at a file, or remove it."
        case .notRegularFile(let path, nil):
            return
                "'\(path)' is not a regular file; policy keeps credentials only in a regular file, and changed nothing. Move it away."
        case .notJSONObject(let path, let parseError?):
            return
                "'\(path)' is not valid JSON (\(parseError.reason.text) at line \(parseError.line), column \(parseError.column)); fix or move the file, it was left untouched."
        case .notJSONObject(let path, nil):
            return "'\(path)' holds JSON that is not an object; fix or move the file, it was left untouched."
        case .conflictingStores(let credsStore, let credStore):
            return
                "The config names two credential stores, credsStore '\(credsStore)' and credStore '\(credStore)'; keep one."
        case .invalidEntry(let path, let key, let expected):
            return "'\(key)' in '\(path)' is not a JSON \(expected.text); fix the file, it was left untouched."
        case .invalidHelperName(let name, let configKey):
            return
                "The credential helper '\(name)' named by \(configKey) in the config is not a program name; use a plain name such as 'pass'."
        case .helperNotFound(let executable, let configKey):
            return
                "The credential helper \(executable) (named by \(configKey) in the config) was not found on PATH; install it, or remove \(configKey) to keep credentials in config.json."
        case .secretNotText(let executable, let configKey):
            return
                "The password is not UTF-8 text, which the credential helper \(executable) (named by \(configKey) in the config) cannot keep exactly: the helper protocol carries text; nothing was sent or stored. Remove \(configKey) to keep it in config.json, byte for byte."
        case .helper(let executable, let verb, let problem):
            return problem.sentence(executable: executable, verb: verb)
        }
    }
}

extension JSONKind {
    var text: String {
        switch self {
        case .object: return "object"
        case .string: return "string"
        }
    }
}

extension JSONParseError.Reason {
    var text: String {
        switch self {
        case .unexpectedEnd: return "it ends too early"
        case .unexpectedCharacter: return "unexpected character"
        case .invalidEscape: return "invalid escape"
        case .invalidNumber: return "invalid number"
        case .tooDeep: return "nested too deeply"
        case .trailingCharacters: return "text after the end of the document"
        case .invalidUTF8: return "invalid UTF-8"
        }
    }
}

extension HelperProblem {
    /// The sentence for a helper call that went wrong, quoting what the helper itself said (already cleaned).
    func sentence(executable: OutsideText, verb: HelperVerb) -> String {
        switch self {
        case .failed(let message, let status):
            let said = message.isEmpty ? "without saying why." : "saying: \(message)"
            let end = said.hasSuffix(".") || said.hasSuffix("?") || said.hasSuffix("!") ? "" : "."
            return "The credential helper \(executable) could not \(verb.action) (\(status.text)), \(said)\(end)"
        case .timedOut(let seconds):
            return
                "The credential helper \(executable) did not finish '\(verb.rawValue)' within \(Plural.seconds(seconds)) and was stopped; if it waits for a passphrase, unlock it first, or raise $\(StorageSettings.helperTimeoutVariable)."
        case .outputTooLarge(let limit):
            return
                "The credential helper \(executable) wrote more than \(limit / 1024) KiB for '\(verb.rawValue)' and was stopped."
        case .invalidReply:
            return
                "The credential helper \(executable) answered '\(verb.rawValue)' with something other than the JSON the protocol prescribes."
        case .couldNotRun(let reason):
            return "Cannot run the credential helper \(executable): \(reason)."
        }
    }
}

extension HelperVerb {
    /// What the verb asks for, as the end of "could not …".
    var action: String {
        switch self {
        case .store: "store the credentials"
        case .get: "read the credentials"
        case .erase: "erase the credentials"
        case .list: "list the stored credentials"
        }
    }
}

extension HelperExitStatus {
    var text: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }
}
