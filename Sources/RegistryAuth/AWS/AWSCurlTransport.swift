import CCurl
import Platform
import PolicyBase

/// The libcurl transport for AWS requests, on an easy handle of its own: the SigV4 setting, the access key and
/// any session token are set for one signed request and cleared after it, and never exist on the registry's
/// handle. libcurl signs (`CURLOPT_AWS_SIGV4`); policy has no crypto of its own.
public final class AWSCurlTransport: AWSTransport {
    private let handle: UnsafeMutableRawPointer
    private let caBundle: String?
    private let userAgent: String
    private let maxBodyBytes = 1 << 20
    private let maxHeaderBytes = 64 << 10
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// - Parameters:
    ///   - caBundle: a PEM file of trusted authorities for AWS endpoints (`AWS_CA_BUNDLE`), else the system's.
    ///   - userAgent: sent as `User-Agent` (not signed: libcurl signs only the fields a request lists).
    /// - Throws: `TransportError.other` when libcurl cannot be initialised.
    public init(caBundle: String?, userAgent: String) throws(TransportError) {
        _ = CurlGlobal.initialized
        guard let handle = curl_easy_init() else {
            throw .other(code: -1, detail: "libcurl could not create a handle")
        }
        self.handle = handle
        self.caBundle = caBundle
        self.userAgent = userAgent
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try applyConnectionOptions()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    public func send(_ request: AWSRequest) throws(TransportError) -> HTTPResponse {
        let sink = ResponseSink(maxBodyBytes: maxBodyBytes, maxHeaderBytes: maxHeaderBytes)
        let context = Unmanaged.passRetained(sink)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            _ = policy_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
            _ = policy_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, nil)
            context.release()
            clearRequest()
            curl_slist_free_all(headerList)
        }
        errorBuffer[0] = 0

        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_WRITEDATA, context.toOpaque())
        try set(CURLOPT_HEADERDATA, context.toOpaque())
        try set(CURLOPT_TIMEOUT_MS, request.timeoutMilliseconds)
        try set(CURLOPT_CONNECTTIMEOUT_MS, request.timeoutMilliseconds)
        if request.direct { try set(CURLOPT_NOPROXY, "*") }
        try applyMethod(request)

        var fields = request.headers
        if let signing = request.signing {
            // libcurl writes the access key ID into the Authorization header it signs.
            try HTTPHeaderField.check(signing.credentials.accessKeyID, field: "Authorization")
            try set(CURLOPT_AWS_SIGV4, "aws:amz:\(signing.region):\(signing.service)")
            try set(CURLOPT_USERNAME, signing.credentials.accessKeyID)
            try set(CURLOPT_PASSWORD, signing.credentials.secretAccessKey)
            if let token = signing.credentials.sessionToken {
                fields.append(HTTPHeaderField("X-Amz-Security-Token", token))
            }
        }
        var lines = try fields.map { (field) throws(TransportError) in try field.line() }
        if request.signing == nil && request.method == .post {
            // An unsigned body over 1 KiB (a web identity token) would otherwise wait for `100 Continue`.
            lines.append("Expect:")
        }
        for line in lines {
            guard let longer = curl_slist_append(headerList, line) else {
                throw .other(code: -1, detail: "libcurl could not build the request headers")
            }
            headerList = longer
        }
        try check(policy_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)

        let code = curl_easy_perform(handle)
        var opened = 0
        _ = policy_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &opened)
        if sink.overflowed { throw .responseTooLarge(limit: sink.exceededLimit) }
        if code == CURLE_FILESIZE_EXCEEDED { throw .responseTooLarge(limit: maxBodyBytes) }
        guard code == CURLE_OK else {
            throw CurlErrorMapping.transportError(
                for: code, detail: String(cString: errorBuffer),
                timeoutSeconds: max(1, (request.timeoutMilliseconds + 999) / 1000))
        }
        var status = 0
        _ = policy_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body, newConnections: opened)
    }

    private func applyConnectionOptions() throws(TransportError) {
        try set(CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_USERAGENT, userAgent)
        try set(CURLOPT_MAXFILESIZE, maxBodyBytes)
        guard policy_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, ResponseSink.bodyCallback) == CURLE_OK,
            policy_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, ResponseSink.headerCallback) == CURLE_OK
        else { throw .other(code: -1, detail: "libcurl refused the response callbacks") }
        // AWS_CA_BUNDLE replaces the bundle file, as --ca-file does for registries.
        let trust = SystemTrust.locate(environment: CurrentProcess.environmentVariables())
        if let refused = CurlTrust.apply(to: handle, caFile: caBundle, system: trust, extra: []) {
            try check(refused.code, refused.option)
        }
    }

    /// GET; POST with the body (copied by libcurl); PUT as a POST of nothing under another name.
    private func applyMethod(_ request: AWSRequest) throws(TransportError) {
        switch request.method {
        case .get:
            try set(CURLOPT_HTTPGET, 1)
        case .post, .put:
            try set(CURLOPT_POST, 1)
            try set(CURLOPT_POSTFIELDSIZE, request.body.utf8.count)
            try set(CURLOPT_COPYPOSTFIELDS, request.body)
            if request.method == .put { try set(CURLOPT_CUSTOMREQUEST, "PUT") }
        }
    }

    /// Forgets the signing, the key, the headers (a session token, an authorization token) and the body
    /// (a web identity token): nothing of one request lingers in libcurl for the next.
    private func clearRequest() {
        for option in [CURLOPT_AWS_SIGV4, CURLOPT_USERNAME, CURLOPT_PASSWORD, CURLOPT_CUSTOMREQUEST, CURLOPT_NOPROXY] {
            _ = policy_curl_setopt_string(handle, option, nil)
        }
        _ = policy_curl_setopt_long(handle, CURLOPT_HTTPAUTH, policy_curlauth_none)
        _ = policy_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
        _ = policy_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, 0)
        _ = policy_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
        _ = policy_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
    }

    private func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(policy_curl_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(policy_curl_setopt_string(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: UnsafeMutableRawPointer) throws(TransportError) {
        try check(policy_curl_setopt_pointer(handle, option, value), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard code == CURLE_OK else {
            throw .unsupported(
                detail: OutsideText(String(cString: curl_easy_strerror(code)) + " (option \(option.rawValue))"))
        }
    }
}
