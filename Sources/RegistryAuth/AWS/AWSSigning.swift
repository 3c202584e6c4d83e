import PolicyBase

/// How libcurl signs a request (`CURLOPT_AWS_SIGV4` = `aws:amz:<region>:<service>`, the key through
/// `CURLOPT_USERNAME`/`CURLOPT_PASSWORD`, a session token as the `X-Amz-Security-Token` header).
public struct AWSSigning: Sendable {
    public var region: String
    /// The signing name: `ecr`, `ecr-public`.
    public var service: String
    public var credentials: AWSCredentials

    public init(region: String, service: String, credentials: AWSCredentials) {
        self.region = region
        self.service = service
        self.credentials = credentials
    }
}
