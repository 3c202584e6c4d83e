/// Why instance metadata had no credentials.
public enum InstanceMetadataUnavailable: Sendable, Equatable {
    /// Nothing answered in time (off EC2 the address does not answer).
    case noAnswer(TransportError)
    /// The instance has no IAM role.
    case noRole
    /// The service refused with this status.
    case refused(status: Int)
    /// The service refused an IMDSv2 token with this status (it speaks IMDSv1 only), and IMDSv1 is disabled
    /// (`ec2_metadata_v1_disabled` or `AWS_EC2_METADATA_V1_DISABLED`): no request went out without a token.
    case v1Disabled(tokenStatus: Int)
}
