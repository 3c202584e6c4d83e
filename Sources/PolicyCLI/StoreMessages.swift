import CredentialStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The sentences for storage failures (exit 5).
extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .fileSystem(let operation, let path, let code):
            return "Cannot \(operation) '\(path)': \(String(cString: strerror(code)))."
        case .notJSONObject(let path, let parseError?):
            return "'\(path)' is not valid JSON (\(parseError.reason.text) at line \(parseError.line), column \(parseError.column)); fix or move the file, it was left untouched."
        case .notJSONObject(let path, nil):
            return "'\(path)' holds JSON that is not an object; fix or move the file, it was left untouched."
        case .conflictingStores(let credsStore, let credStore):
            return "The config names two credential stores, credsStore '\(HelperWording.quoted(credsStore))' and credStore '\(HelperWording.quoted(credStore))'; keep one."
        case .invalidEntry(let path, let key, let expected):
            return "'\(key)' in '\(path)' is not a JSON \(expected.text); fix the file, it was left untouched."
        case .invalidHelperName(let name, let configKey):
            return "The credential helper '\(HelperWording.quoted(name))' named by \(configKey) in the config is not a program name; use a plain name such as 'pass'."
        case .helperNotFound(let executable, let configKey):
            return "The credential helper \(executable) (named by \(configKey) in the config) was not found on PATH; install it, or remove \(configKey) to keep credentials in config.json."
        case .helper(let executable, let verb, let problem):
            return HelperWording.sentence(executable: executable, verb: verb, problem: problem)
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

enum StoreFailure {
    static func failure(_ error: StoreError) -> CommandFailure {
        CommandFailure(message: error.description, exitCode: .storage)
    }
}
