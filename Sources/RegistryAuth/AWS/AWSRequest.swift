import PolicyBase

/// One request to an AWS endpoint: ECR's or STS's API, the container credentials endpoint, instance metadata.
/// Sent by an `AWSTransport`, never by the registry transport, so no registry request can carry AWS signing.
public struct AWSRequest: Sendable {
    public enum Method: String, Sendable {
        case get = "GET"
        case put = "PUT"
        case post = "POST"
    }

    public var method: Method
    public var url: String
    /// Header fields sent as given. When the request is signed, libcurl signs every one of them, so only
    /// plain `Name: value` fields belong here (never a removal such as `Expect:`, which libcurl 7.88 signs but
    /// does not send) and never `X-Amz-Date` (7.88 would send it twice).
    public var headers: [HTTPHeaderField]
    /// The body (POST); may hold a secret (a web identity token): never traced.
    public var body: String
    /// SigV4 signing by libcurl, or nil for the unsigned sources.
    public var signing: AWSSigning?
    /// Bound on the whole request, connection included.
    public var timeoutMilliseconds: Int
    /// True for the link-local and loopback sources (container endpoint, instance metadata): never sent
    /// through a proxy from the environment.
    public var direct: Bool
    /// The secrets in the body (a web identity token), as given before encoding.
    public var bodySecrets: [String] = []

    /// Every secret this request carries (the signing key and session token, a web identity token, an
    /// authorization or metadata token): an error reply that quotes one back is redacted of it.
    public var secretsInPlay: Redaction {
        var redaction = Redaction()
        for secret in signing?.credentials.secrets ?? [] { redaction.add(secret) }
        for header in headers where Self.secretHeaders.contains(header.name.lowercased()) {
            redaction.add(header.value)
        }
        for secret in bodySecrets { redaction.add(secret) }
        return redaction
    }

    /// Request headers whose values are secrets.
    static let secretHeaders: Set<String> = ["authorization", "x-aws-ec2-metadata-token", "x-amz-security-token"]

    public init(
        _ method: Method, url: String, headers: [HTTPHeaderField] = [], body: String = "", signing: AWSSigning? = nil,
        timeoutMilliseconds: Int, direct: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.signing = signing
        self.timeoutMilliseconds = timeoutMilliseconds
        self.direct = direct
    }

    /// `host[:port]` of the URL, for messages.
    public var authority: String { URLParts(url)?.authority ?? url }
}
