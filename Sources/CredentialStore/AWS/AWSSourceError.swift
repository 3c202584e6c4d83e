import PolicyBase

/// Why AWS credentials that the shared files or a token file point at could not be had. Data only: the
/// command line words each case.
public enum AWSSourceError: Error, Sendable, Equatable {
    /// A file could not be read (`errno`); a missing shared file is not an error, a missing token file is.
    case unreadable(path: String, errno: Int32)
    /// A token file is empty, or larger than any token.
    case unusableTokenFile(path: String)
    /// `AWS_PROFILE` names a profile that neither shared file has.
    case profileNotFound(profile: String, credentialsFile: String, configFile: String)
    /// The profile has one of the two keys but not the other.
    case partialKeys(profile: String, file: String, missing: String)
    /// The profile gets its credentials in a way policy does not follow (yet).
    case unsupportedProfile(profile: String, file: String, kind: AWSProfileKind)
    /// The profile's `credential_process` did not give credentials.
    case process(profile: String, file: String, AWSProcessProblem)
}

/// Profiles whose credentials come from somewhere policy does not go itself.
public enum AWSProfileKind: String, Sendable, Equatable {
    /// `sso_session` / `sso_start_url`: IAM Identity Center.
    case sso
    /// `role_arn` with `source_profile`, `credential_source` or `web_identity_token_file`.
    case assumeRole
}

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
