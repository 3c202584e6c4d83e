#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What every command receives: where to print, where the config lives, whether to trace.
struct CommandContext {
    let output: Output
    /// nil when there is neither an option, `$POLICY_CONFIG_DIR` nor a home directory.
    let configDirectoryIfKnown: String?
    let debug: Bool

    /// The config directory, for commands that read or write credentials.
    /// - Throws: a storage failure (exit 5) when no directory can be determined.
    func configDirectory() throws(CommandFailure) -> String {
        guard let directory = configDirectoryIfKnown else {
            throw CommandFailure(message: StoreNotes.noConfigDirectory, exitCode: .storage)
        }
        return directory
    }

    /// True when standard input is a terminal (prompts are allowed).
    var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
