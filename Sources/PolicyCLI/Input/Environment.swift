#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What `policy` reads from its surroundings besides arguments and stdin's bytes: environment variables
/// and whether stdin is a terminal. Injected, so commands can be run in-process by tests.
struct Environment: Sendable {
    var variables: [String: String]
    var standardInputIsTerminal: Bool
    /// The current time in Unix seconds (expiry is judged against it).
    var now: Int

    init(variables: [String: String], standardInputIsTerminal: Bool, now: Int = Int(time(nil))) {
        self.variables = variables
        self.standardInputIsTerminal = standardInputIsTerminal
        self.now = now
    }

    /// The process's own environment.
    static func current() -> Environment {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return Environment(variables: variables, standardInputIsTerminal: isatty(STDIN_FILENO) == 1)
    }

    subscript(_ name: String) -> String? { variables[name] }
}
