/// The documented exit codes; one place for the whole table.
enum ExitCode: Int32 {
    case success = 0
    case unexpected = 1
    case usage = 2
    case credentialsRejected = 3
    case network = 4
    case storage = 5
}

/// An error the command line reports: a sentence for stderr and the exit code to end with.
struct CommandFailure: Error {
    var message: String
    var exitCode: ExitCode
}
