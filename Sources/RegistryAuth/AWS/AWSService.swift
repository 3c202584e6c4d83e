/// The AWS APIs policy calls, with what signing and the endpoint overrides need of each.
public enum AWSService: String, Sendable, Equatable, CaseIterable {
    case ecr
    case ecrPublic = "ecr-public"
    case sts

    /// The SigV4 signing name.
    public var signingName: String { rawValue }

    /// The service's own endpoint variable: `AWS_ENDPOINT_URL_` and its service id upper-cased, spaces as `_`.
    public var endpointVariable: String {
        switch self {
        case .ecr: "AWS_ENDPOINT_URL_ECR"
        case .ecrPublic: "AWS_ENDPOINT_URL_ECR_PUBLIC"
        case .sts: "AWS_ENDPOINT_URL_STS"
        }
    }

    /// `X-Amz-Target` of `GetAuthorizationToken` (JSON 1.1); nil for STS (a form POST).
    public var authorizationTarget: String? {
        switch self {
        case .ecr: "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken"
        case .ecrPublic: "SpencerFrontendService.GetAuthorizationToken"
        case .sts: nil
        }
    }
}
