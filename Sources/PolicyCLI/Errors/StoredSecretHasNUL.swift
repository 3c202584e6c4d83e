import RegistryAuth

/// The stored password (another tool wrote it) holds a NUL byte, which cannot be sent: nothing was checked (exit 2,
/// as for a given one).
struct StoredSecretHasNUL: ReportableError {
    var server: RegistryAddress
    var exitCode: ExitCode { .usage }
    var sentence: String {
        "The stored password for \(server) contains a NUL byte, which HTTP Basic authentication cannot carry through libcurl; it was not sent. Log in again: '\(LoginCommandLine.text(server: server.key))'."
    }
}
