import PolicyBase

/// `policy` with no command (exit 2, after the general help).
struct NoCommand: ReportableError {
    var exitCode: ExitCode { .usage }
    var sentence: String { "No command given." }
}
