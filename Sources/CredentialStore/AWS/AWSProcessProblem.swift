import PolicyBase

/// How a `credential_process` command failed.
public enum AWSProcessProblem: Error, Sendable, Equatable {
    /// It could not be started.
    case couldNotRun(reason: OutsideText)
    /// It ran longer than the bound and was killed, with all it started.
    case timedOut(seconds: Int)
    /// It wrote more than `limit` bytes.
    case outputTooLarge(limit: Int)
    /// It exited unsuccessfully; `message` is what it said on stderr, cleaned.
    case failed(status: HelperExitStatus, message: OutsideText)
    /// Its output is not the documented JSON (`Version` 1, `AccessKeyId`, `SecretAccessKey`); `reason` says
    /// what is wrong, never a value.
    case invalidOutput(reason: String)
}
