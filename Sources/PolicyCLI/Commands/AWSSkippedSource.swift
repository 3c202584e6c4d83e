import PolicyBase
import RegistryAuth

/// A source of the AWS credential chain that had nothing to give, and why: the list a "no credentials found"
/// error shows, in the order the sources were tried.
enum AWSSkippedSource: Equatable {
    case environmentUnset
    case webIdentityUnset
    /// The profile is in neither file (`exists` false), or has neither keys nor a `credential_process`.
    case profile(name: String, exists: Bool, credentialsFile: String, configFile: String)
    case containerUnset
    case instanceMetadataDisabled
    case instanceMetadata(endpoint: String, InstanceMetadataUnavailable)

    /// `the environment (AWS_ACCESS_KEY_ID is not set)`.
    var description: String {
        switch self {
        case .environmentUnset:
            return "the environment (AWS_ACCESS_KEY_ID is not set)"
        case .webIdentityUnset:
            return "web identity (AWS_WEB_IDENTITY_TOKEN_FILE is not set)"
        case .profile(let name, let exists, let credentialsFile, let configFile):
            let profile = "profile '\(OutsideText(name, .name))'"
            return exists
                ? "\(profile) (it has no keys and no credential_process)"
                : "\(profile) (in neither \(OutsideText(credentialsFile)) nor \(OutsideText(configFile)))"
        case .containerUnset:
            return "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set)"
        case .instanceMetadataDisabled:
            return "EC2 instance metadata (AWS_EC2_METADATA_DISABLED is true)"
        case .instanceMetadata(let endpoint, .noAnswer):
            return
                "EC2 instance metadata (no answer from \(OutsideText(endpoint)) within \(AWSClient.metadataTimeoutMilliseconds / 1000) s: not on EC2)"
        case .instanceMetadata(_, .noRole):
            return "EC2 instance metadata (the instance has no IAM role)"
        case .instanceMetadata(let endpoint, .refused(let status)):
            return "EC2 instance metadata (\(OutsideText(endpoint)) answered HTTP \(status))"
        case .instanceMetadata(let endpoint, .v1Disabled(let status)):
            return
                "EC2 instance metadata (\(OutsideText(endpoint)) refused an IMDSv2 token with HTTP \(status), and IMDSv1 is disabled by ec2_metadata_v1_disabled or AWS_EC2_METADATA_V1_DISABLED)"
        }
    }
}
