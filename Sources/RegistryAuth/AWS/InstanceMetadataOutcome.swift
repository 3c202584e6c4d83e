import PolicyBase

/// What EC2 instance metadata gave.
public enum InstanceMetadataOutcome: Sendable, Equatable {
    /// The credentials of the instance's role.
    case credentials(AWSCredentials, role: String)
    /// No credentials here: not on EC2 (or metadata is off), or no role attached. Not an error: the chain ends.
    case unavailable(InstanceMetadataUnavailable)
}
