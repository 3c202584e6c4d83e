/// AWS access keys, what a request to an AWS API is signed with: long-term keys, or temporary ones with a
/// session token. Found by the credential stores (shared files, `credential_process`) and by the HTTP sources
/// (STS, the container endpoint, instance metadata); used only to sign, never stored, never printed.
public struct AWSCredentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    /// Present for temporary credentials; sent as `X-Amz-Security-Token`.
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every value here that must never be printed: the secret key and the session token.
    public var secrets: [String] { [secretAccessKey] + (sessionToken.map { [$0] } ?? []) }
}
