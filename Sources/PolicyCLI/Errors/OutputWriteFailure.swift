import Platform

/// Standard output could not be written (a full disk, a closed descriptor): the output is lost, so the run
/// failed even if everything else went well (exit 1).
struct OutputWriteFailure: ReportableError {
    static let exitCode = ExitCode.unexpected

    var stream: OutputStream
    var error: Errno

    var exitCode: ExitCode { Self.exitCode }
    var sentence: String {
        let name = stream == .standardOutput ? "standard output" : "standard error"
        return "Cannot write to \(name): \(error); the output is lost."
    }
}
