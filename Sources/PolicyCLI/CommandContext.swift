#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What every command receives: where to print, where the config lives, whether to trace.
struct CommandContext {
    let output: Output
    let configDirectory: String
    let debug: Bool

    /// True when standard input is a terminal (prompts are allowed).
    var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
