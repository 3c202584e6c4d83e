import PolicyBase
import RegistryAuth

/// ECR's `GetAuthorizationToken` refused or failed, for a native ECR login. Nothing was stored. Each refusal
/// that users of the peers report without an explanation gets its own sentence.
struct ECRTokenFailure: ReportableError {
    var server: RegistryAddress
    var registry: ECRRegistry
    var source: AWSCredentialSource
    var error: AWSCallError
    /// This machine's clock, to tell a skewed clock from a wrong key.
    var now: Int

    var exitCode: ExitCode { error.exitCode }

    var sentence: String {
        let credentials = "the AWS credentials from \(source.description)"
        guard case .service(let refusal) = error else {
            return "Getting a password for \(server) from ECR failed: \(error.detail)."
        }
        switch refusal.kind {
        case .accessDenied:
            let actions =
                registry.service == .ecrPublic
                ? "ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken" : "ecr:GetAuthorizationToken"
            return
                "AWS refused a password for \(server) to \(credentials) (\(refusal.detail)); their IAM policy must allow \(actions) on resource \"*\"."
        case .invalidSignature:
            if let skew = refusal.clockSkew(now: now) {
                let direction = skew > 0 ? "ahead of" : "behind"
                return
                    "AWS refused the request signed with \(credentials) because this machine's clock is \(UTCTime.span(skew)) \(direction) AWS's (its reply was dated \(UTCTime.format(refusal.serverDate ?? now))); set the clock right (NTP) and try again."
            }
            return
                "AWS refused the signature made with \(credentials) (\(refusal.detail)); the secret access key does not belong to the access key id."
        case .expiredToken:
            return
                "The session token of \(credentials) has expired (\(refusal.detail)); get new credentials (a new role session, 'aws sso login', …) and try again."
        case .unrecognizedClient:
            return
                "AWS does not recognise the access key id or session token from \(source.description) (\(refusal.detail)); check that they belong together and to the partition of \(server)."
        case .throttled:
            return
                "AWS throttled the request for a password for \(server) (\(refusal.detail)); ECR allows about 20 calls per second per account: try again shortly."
        case .unavailable:
            return "ECR could not give a password for \(server) (\(refusal.detail)); try again later."
        case .invalidIdentityToken, .other:
            return "ECR refused a password for \(server) to \(credentials) (\(refusal.detail))."
        }
    }
}
