import PolicyBase

/// An error reply from an AWS API: the JSON 1.1 `{"__type": "<namespace>#<Code>", "message": …}` of ECR, the
/// XML `ErrorResponse/Error/{Code, Message}` of STS, or a bare status.
public struct AWSServiceError: Sendable, Equatable {
    public var host: String
    public var status: Int
    /// The error code, e.g. `AccessDeniedException`; nil when the body named none.
    public var code: OutsideText?
    /// The first line of the service's message, cleaned (later lines can quote the canonical request,
    /// session token included).
    public var message: OutsideText?
    /// The server's clock from its `Date` header, in Unix seconds: a signature refused because of a skewed
    /// clock is told by it.
    public var serverDate: Int?

    public init(host: String, status: Int, code: OutsideText?, message: OutsideText?, serverDate: Int?) {
        self.host = host
        self.status = status
        self.code = code
        self.message = message
        self.serverDate = serverDate
    }

    /// What the error means for the user.
    public enum Kind: Sendable, Equatable {
        /// The principal may not call the action (IAM), or the role may not be assumed.
        case accessDenied
        /// The signature does not match: a wrong secret key, or a skewed clock.
        case invalidSignature
        /// The session token (or the web identity token) has expired.
        case expiredToken
        /// The access key id or session token is unknown to AWS.
        case unrecognizedClient
        /// The web identity token was refused by STS.
        case invalidIdentityToken
        /// Too many requests; try again later.
        case throttled
        /// The service failed (5xx) or could not reach the identity provider.
        case unavailable
        /// Anything else.
        case other
    }

    public var kind: Kind {
        switch code?.description {
        case "AccessDeniedException", "AccessDenied", "ForbiddenException": return .accessDenied
        case "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature": return .invalidSignature
        case "ExpiredTokenException", "ExpiredToken", "RequestExpired", "TokenRefreshRequired": return .expiredToken
        case "UnrecognizedClientException", "InvalidClientTokenId", "InvalidAccessKeyId", "MissingAuthenticationToken":
            return .unrecognizedClient
        case "InvalidIdentityToken", "IDPRejectedClaim": return .invalidIdentityToken
        case "ThrottlingException", "Throttling", "ThrottledException", "TooManyRequestsException",
            "RequestLimitExceeded",
            "RequestThrottled", "RequestThrottledException", "SlowDown", "PriorRequestNotComplete":
            return .throttled
        case "IDPCommunicationError", "ServiceUnavailable", "ServiceUnavailableException", "ServerException",
            "InternalFailure", "InternalError", "InternalServerError":
            return .unavailable
        default:
            if status == 429 { return .throttled }
            if status >= 500 { return .unavailable }
            return .other
        }
    }

    /// Reads the code and message from `response` (JSON or XML, whichever it is), every secret of `redaction`
    /// hidden in the message.
    public init(response: HTTPResponse, host: String, redacting redaction: Redaction = Redaction()) {
        var code: String?
        var message: String?
        if let object = AWSReply.jsonObject(response.body) {
            // JSON 1.1 `__type` ("com.amazonaws.ecr#AccessDeniedException"); some services send `code`.
            code = (object["__type"]?.stringValue ?? object["code"]?.stringValue ?? object["Code"]?.stringValue)
                .map { String($0.split(separator: "#").last ?? "") }
            message = object["message"]?.stringValue ?? object["Message"]?.stringValue
        } else {
            let text = String(decoding: response.body.prefix(64 << 10), as: UTF8.self)
            code = XMLText.firstElement("Code", in: text)
            message = XMLText.firstElement("Message", in: text)
        }
        // `x-amzn-ErrorType: AccessDeniedException:http://internal.amazon.com/…` when the body says nothing.
        if code == nil || code?.isEmpty == true, let header = response.values(of: "x-amzn-ErrorType").first {
            code = String(header.split(separator: ":").first ?? "")
        }
        self.init(
            host: host, status: response.status, code: code.flatMap { $0.isEmpty ? nil : OutsideText($0, .name) },
            message: message.flatMap { Self.firstLine($0, redacting: redaction) },
            serverDate: response.values(of: "Date").first.flatMap(HTTPDate.unixSeconds))
    }

    private static func firstLine(_ text: String, redacting redaction: Redaction) -> OutsideText? {
        let line = OutsideText(text.split(whereSeparator: \.isNewline).first ?? "", redacting: redaction)
        return line.isEmpty ? nil : line
    }
}
