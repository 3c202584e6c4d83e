import CCurl
import Platform
import PolicyBase

/// The libcurl transport: one easy handle for the whole run, so requests to one host share a connection.
public final class CurlTransport: HTTPTransport {
    private let handle: UnsafeMutableRawPointer
    private let options: TransportOptions
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var hasNoTrust = false

    /// - Throws: `TransportError.other` when libcurl cannot be initialised.
    public init(options: TransportOptions) throws(TransportError) {
        _ = CurlGlobal.initialized
        guard let handle = curl_easy_init() else {
            throw .other(code: -1, detail: "libcurl could not create a handle")
        }
        self.handle = handle
        self.options = options
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try applyConnectionOptions()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let sink = ResponseSink(maxBodyBytes: options.maxBodyBytes, maxHeaderBytes: options.maxHeaderBytes)
        let context = Unmanaged.passRetained(sink)
        defer {
            // No callback may reach the sink once it is released (the handle outlives this request).
            _ = policy_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
            _ = policy_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, nil)
            context.release()
        }
        errorBuffer[0] = 0
        if hasNoTrust && request.url.lowercased().hasPrefix("https:") {
            throw .noTrustStore(tried: SystemTrust.defaultPlaces)
        }

        // libcurl builds a request in at most 1 MiB; beyond that it fails with nothing but "Out of memory".
        let authorizationBytes = request.authorization?.headerBytes ?? 0
        if authorizationBytes > Self.requestHeaderLimit {
            throw .requestTooLarge(bytes: authorizationBytes, limit: Self.requestHeaderLimit)
        }
        // nghttp2 refuses an HTTP/2 request whose headers pass 64 KiB (REFUSED_STREAM, which libcurl retries
        // until the timeout): such a request goes over HTTP/1.1, where the registry itself answers.
        let version = authorizationBytes > Self.http2HeaderLimit ? CURL_HTTP_VERSION_1_1 : CURL_HTTP_VERSION_2TLS
        try set(CURLOPT_HTTP_VERSION, Int(version))

        try set(CURLOPT_URL, request.url)
        try applyMethod(request)
        defer { clearMethod() }
        try set(CURLOPT_WRITEDATA, context.toOpaque())
        try set(CURLOPT_HEADERDATA, context.toOpaque())
        try applyAuthorization(request.authorization)
        defer { clearAuthorization() }

        let code = curl_easy_perform(handle)
        var opened = 0
        _ = policy_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &opened)

        if sink.overflowed { throw .responseTooLarge(limit: sink.exceededLimit) }
        if code == CURLE_FILESIZE_EXCEEDED { throw .responseTooLarge(limit: options.maxBodyBytes) }
        // A header line longer than libcurl's 100 KiB (far past our own cap) ends in "Out of memory" too.
        if code == CURLE_OUT_OF_MEMORY && sink.receivedHeaders {
            throw .responseTooLarge(limit: options.maxHeaderBytes)
        }
        guard code == CURLE_OK else {
            throw CurlErrorMapping.transportError(
                for: code, detail: String(cString: errorBuffer),
                timeoutSeconds: options.timeoutSeconds)
        }
        var status = 0
        _ = policy_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effectiveURL: UnsafeMutablePointer<CChar>?
        _ = policy_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effectiveURL)
        return HTTPResponse(
            status: status, headers: sink.headers, body: sink.body, newConnections: opened,
            // libcurl writes the credentials into the effective URL of a relative redirect: never kept.
            effectiveURL: effectiveURL.map { URLParts.withoutUserInfo(String(cString: $0)) },
            requestURL: Self.normalized(request.url))
    }

    /// libcurl's limits on what it sends: the whole request (`DYN_HTTP_REQUEST`, 1 MiB, less room for the
    /// request line and the other headers), and the header size from which it warns that an HTTP/2 stream
    /// may be refused (nghttp2 sends at most 64 KiB).
    static let requestHeaderLimit = (1 << 20) - 4096
    static let http2HeaderLimit = 60_000

    /// `url` as libcurl's URL parser writes it (the spelling of CURLINFO_EFFECTIVE_URL), or nil.
    private static func normalized(_ url: String) -> String? {
        guard let parser = curl_url() else { return nil }
        defer { curl_url_cleanup(parser) }
        guard curl_url_set(parser, CURLUPART_URL, url, 0) == CURLUE_OK else { return nil }
        var text: UnsafeMutablePointer<CChar>?
        guard curl_url_get(parser, CURLUPART_URL, &text, 0) == CURLUE_OK, let text else { return nil }
        defer { curl_free(text) }
        return String(cString: text)
    }

    private func applyConnectionOptions() throws(TransportError) {
        try set(CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 1)
        try set(CURLOPT_MAXREDIRS, 5)
        try set(CURLOPT_UNRESTRICTED_AUTH, 0)
        try set(CURLOPT_CONNECTTIMEOUT, options.timeoutSeconds)
        try set(CURLOPT_TIMEOUT, options.timeoutSeconds)
        try set(CURLOPT_USERAGENT, options.userAgent)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_MAXFILESIZE, options.maxBodyBytes)
        guard policy_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, ResponseSink.bodyCallback) == CURLE_OK,
            policy_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, ResponseSink.headerCallback) == CURLE_OK
        else { throw .other(code: -1, detail: "libcurl refused the response callbacks") }
        if options.insecure {
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        let trust = options.systemTrust ?? SystemTrust.locate(environment: CurrentProcess.environmentVariables())
        if let refused = CurlTrust.apply(
            to: handle, caFile: options.caFile, system: trust, extra: options.registryCertificates.pem)
        {
            try check(refused.code, refused.option)
        }
        // Nothing to check a certificate against: said before any request, instead of libcurl's CA file error.
        hasNoTrust =
            !options.insecure && options.caFile == nil && trust.isEmpty && options.registryCertificates.pem.isEmpty
        if let certFile = options.certFile { try set(CURLOPT_SSLCERT, certFile) }
        if let keyFile = options.keyFile { try set(CURLOPT_SSLKEY, keyFile) }
    }

    private func applyAuthorization(_ authorization: HTTPAuthorization?) throws(TransportError) {
        switch authorization {
        case nil:
            clearAuthorization()
        case .basic(let username, let password):
            try set(CURLOPT_HTTPAUTH, policy_curlauth_basic)
            try set(CURLOPT_USERNAME, username)
            try set(CURLOPT_PASSWORD, bytes: password)
        case .bearer(let token):
            try HTTPHeaderField.check(token, field: "Authorization")
            try set(CURLOPT_HTTPAUTH, policy_curlauth_bearer)
            try set(CURLOPT_XOAUTH2_BEARER, token)
        }
    }

    /// GET; POST with the form as its body (copied by libcurl, so the string may go at once); DELETE.
    private func applyMethod(_ request: HTTPRequest) throws(TransportError) {
        switch request.method {
        case .get:
            try set(CURLOPT_HTTPGET, 1)
        case .post:
            // A redirect would carry the body (a refresh token) wherever it points: never follow one.
            try set(CURLOPT_FOLLOWLOCATION, 0)
            let body = request.formBody
            try set(CURLOPT_POST, 1)
            try set(CURLOPT_POSTFIELDSIZE, body.utf8.count)
            try set(CURLOPT_COPYPOSTFIELDS, body)
        case .delete:
            try set(CURLOPT_FOLLOWLOCATION, 0)
            try set(CURLOPT_HTTPGET, 1)
            try set(CURLOPT_CUSTOMREQUEST, "DELETE")
        }
    }

    /// Back to a plain GET, and no copy of a form body (it may hold a refresh token) left in libcurl.
    private func clearMethod() {
        _ = policy_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, nil)
        _ = policy_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, 0)
        _ = policy_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
        _ = policy_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        _ = policy_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
    }

    /// Forgets every credential so the next request goes out anonymous and no secret lingers in libcurl.
    private func clearAuthorization() {
        for option in [CURLOPT_USERNAME, CURLOPT_PASSWORD, CURLOPT_XOAUTH2_BEARER] {
            _ = policy_curl_setopt_string(handle, option, nil)
        }
        _ = policy_curl_setopt_long(handle, CURLOPT_HTTPAUTH, policy_curlauth_none)
    }

    private func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(policy_curl_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(policy_curl_setopt_string(handle, option, value), option)
    }

    /// A C string of `bytes` as they are; libcurl copies it. A NUL would end it early: the caller refuses those.
    private func set(_ option: CURLoption, bytes: [UInt8]) throws(TransportError) {
        let cString = bytes.map { CChar(bitPattern: $0) } + [0]
        try check(policy_curl_setopt_string(handle, option, cString), option)
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

/// `curl_global_init` exactly once per process.
enum CurlGlobal {
    static let initialized: Bool = curl_global_init(policy_curl_global_default) == CURLE_OK
}
