/// Why instance metadata had no credentials.
public enum InstanceMetadataUnavailable: Sendable, Equatable {
    /// Nothing answered in time (off EC2 the address does not answer).
    case noAnswer(TransportError)
    /// The instance has no IAM role.
    case noRole
    /// The service refused with this status (e.g. IMDSv1 only while `AWS_EC2_METADATA_V1_DISABLED` is set).
    case refused(status: Int)
}
