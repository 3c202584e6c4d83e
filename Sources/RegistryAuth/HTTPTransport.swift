import PolicyBase

/// Credentials attached to one request. The transport hands them to libcurl, which never forwards them
/// across a redirect to another host, port or scheme.
public enum HTTPAuthorization: Sendable, Equatable {
    /// The password's bytes go out exactly as given (docker sends passwords that are not UTF-8).
    case basic(username: String, password: [UInt8])
    case bearer(token: String)

    /// The length of the `Authorization` header's value: `Basic ` and base64 of `user:password`, or
    /// `Bearer ` and the token.
    public var headerBytes: Int {
        switch self {
        case .basic(let username, let password): 6 + (username.utf8.count + 1 + password.count + 2) / 3 * 4
        case .bearer(let token): 7 + token.utf8.count
        }
    }
}

/// The methods the registry client uses.
public enum HTTPMethod: String, Sendable, Equatable {
    case get = "GET"
    /// With `HTTPRequest.form` as an `application/x-www-form-urlencoded` body (possibly empty).
    case post = "POST"
    case delete = "DELETE"
}

/// One HTTP request as the registry client asks for it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: HTTPMethod
    public var url: String
    public var authorization: HTTPAuthorization?
    /// The fields of a POST's form body. They may hold a secret (a refresh token): never traced.
    public var form: [FormField]

    public init(
        _ method: HTTPMethod = .get, url: String, authorization: HTTPAuthorization? = nil, form: [FormField] = []
    ) {
        self.method = method
        self.url = url
        self.authorization = authorization
        self.form = form
    }

    /// The form body, percent-encoded.
    public var formBody: String {
        form.map { URLParts.percentEncoded($0.name) + "=" + URLParts.percentEncoded($0.value) }.joined(separator: "&")
    }

    /// `host[:port]` of the URL (for messages), or the URL itself when it is not a plausible http(s) URL.
    public var authority: String { URLParts(url)?.authority ?? url }
}

/// A complete HTTP response, already bounded by the transport's caps.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields of the final response, in arrival order, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Connections the transport opened to get this response (0 when an existing one was reused).
    public var newConnections: Int
    /// The URL that gave this response after redirects; nil when the transport does not know it.
    public var effectiveURL: String?
    /// The request's own URL as the transport spelt it (libcurl writes `127.1` as `127.0.0.1`), to compare
    /// `effectiveURL` with like for like; nil when it is the URL as given.
    public var requestURL: String?

    public init(
        status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], newConnections: Int = 0,
        effectiveURL: String? = nil, requestURL: String? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.newConnections = newConnections
        self.effectiveURL = effectiveURL
        self.requestURL = requestURL
    }

    /// Every value of the header `name`, compared case-insensitively.
    public func values(of name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }
}

/// Why a request produced no response.
public enum TransportError: Error, Sendable, Equatable {
    case hostNotFound
    case connectionRefused
    case timedOut(seconds: Int)
    case untrustedCertificate(detail: OutsideText)
    case hostnameMismatch(detail: OutsideText)
    /// The TLS handshake failed, e.g. because the server speaks plain HTTP.
    case tlsHandshakeFailed(detail: OutsideText)
    case clientCertificateProblem(detail: OutsideText)
    /// The server demanded a client certificate (mutual TLS) and none, or one it does not trust, was sent.
    case clientCertificateRequired(detail: OutsideText)
    /// The server dropped an established connection (e.g. right after a TLS handshake it did not like).
    case connectionDropped(detail: OutsideText)
    case caFileProblem(detail: OutsideText)
    /// No certificate authority to check a server against: no CA file, no `SSL_CERT_FILE`, none of `tried`.
    case noTrustStore(tried: [String])
    case responseTooLarge(limit: Int)
    /// The request's headers (its credentials) are longer than the transport can send: `bytes` of `limit`.
    case requestTooLarge(bytes: Int, limit: Int)
    case emptyReply
    /// A header value held a control byte (CR, LF, …) that would break the request; nothing was sent.
    /// `field` names the header (`Authorization`, `X-Amz-Security-Token`, …), never the value.
    case unsafeHeaderValue(field: String)
    case unsupported(detail: OutsideText)
    case other(code: Int, detail: OutsideText)
}

/// One `name=value` field of a form body.
public struct FormField: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Sends requests; the real one is `CurlTransport`, tests inject their own.
public protocol HTTPTransport: AnyObject {
    /// Sends one request and returns the final response (redirects followed within the same host rules as libcurl).
    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse
}
