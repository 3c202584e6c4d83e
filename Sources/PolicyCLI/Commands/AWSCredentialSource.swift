import PolicyBase

/// Where the AWS credentials of a native ECR login came from, in the AWS SDKs' order. Named in notes, the
/// trace and error sentences; never with a value.
enum AWSCredentialSource: Equatable {
    /// `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`).
    case environment
    /// STS `AssumeRoleWithWebIdentity` with `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_ARN`.
    case webIdentity(roleARN: String)
    /// Static keys of a profile in a shared file.
    case profile(name: String, file: String)
    /// A profile's `credential_process`.
    case credentialProcess(profile: String, file: String)
    /// The container credentials endpoint (ECS, EKS Pod Identity).
    case container(url: String)
    /// EC2 instance metadata; the role is nil until it is known.
    case instanceMetadata(role: String?)

    /// A phrase naming the source: `the environment (AWS_ACCESS_KEY_ID)`.
    var description: String {
        switch self {
        case .environment: "the environment (AWS_ACCESS_KEY_ID)"
        case .webIdentity(let role): "web identity (AWS_WEB_IDENTITY_TOKEN_FILE, role \(OutsideText(role)))"
        case .profile(let name, let file): "profile '\(OutsideText(name))' in \(OutsideText(file))"
        case .credentialProcess(let name, let file):
            "the credential_process of profile '\(OutsideText(name))' in \(OutsideText(file))"
        case .container(let url): "the container credentials endpoint \(OutsideText(url))"
        case .instanceMetadata(let role): "EC2 instance metadata" + (role.map { " (role \(OutsideText($0)))" } ?? "")
        }
    }
}
