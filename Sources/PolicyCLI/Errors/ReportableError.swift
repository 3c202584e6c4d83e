/// An error `policy` reports to the user: one sentence for stderr and the exit code to end with.
/// Every error type a command can end with conforms, in this folder, one file per type; `Policy.run`
/// prints `Error: <sentence>` and exits with `exitCode`.
protocol ReportableError: Error {
    /// One line naming the server and the cause, with a hint where there is one. Never a secret.
    var sentence: String { get }
    var exitCode: ExitCode { get }
}

/// Something that should not happen, such as libcurl failing to initialise (exit 1).
struct InternalError: ReportableError {
    var detail: String
    var sentence: String { "policy failed unexpectedly: \(detail)." }
    var exitCode: ExitCode { .unexpected }
}
