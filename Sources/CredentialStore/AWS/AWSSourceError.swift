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
