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
            return "The config names two credential stores, credsStore '\(credsStore)' and credStore '\(credStore)'; keep one."
        case .invalidEntry(let path, let key):
            return "'\(key)' in '\(path)' is not a JSON object; fix the file, it was left untouched."
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
