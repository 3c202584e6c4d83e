import CCurl

/// Collects one response from libcurl's callbacks, enforcing the header and body caps.
final class ResponseSink {
    let maxBodyBytes: Int
    let maxHeaderBytes: Int
    private(set) var headers: [(name: String, value: String)] = []
    private(set) var body: [UInt8] = []
    private var headerBytes = 0
    /// Whether any header line (the status line included) arrived.
    var receivedHeaders: Bool { headerBytes > 0 }
    /// Set when a cap was hit; the transfer was then aborted.
    private(set) var overflowed = false
    private(set) var exceededLimit = 0

    init(maxBodyBytes: Int, maxHeaderBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// Returns false to abort the transfer.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maxBodyBytes else { return overflow(maxBodyBytes) }
        body.append(contentsOf: bytes)
        return true
    }

    /// Returns false to abort the transfer.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        headerBytes += bytes.count
        guard headerBytes <= maxHeaderBytes else { return overflow(maxHeaderBytes) }
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new response begins (redirect, 100 Continue): only the final one counts.
            headers.removeAll()
            body.removeAll()
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingHTTPWhitespace()
        headers.append((name: name, value: value))
        return true
    }

    private func overflow(_ limit: Int) -> Bool {
        overflowed = true
        exceededLimit = limit
        return false
    }

    static let bodyCallback: policy_curl_data_callback = { data, size, count, context in
        dispatch(data, size, count, context) { $0.appendBody($1) }
    }

    static let headerCallback: policy_curl_data_callback = { data, size, count, context in
        dispatch(data, size, count, context) { $0.appendHeaderLine($1) }
    }

    private static func dispatch(
        _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?,
        _ handler: (ResponseSink, UnsafeRawBufferPointer) -> Bool
    ) -> Int {
        let length = size * count
        guard let context else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        return handler(sink, bytes) ? length : 0
    }
}
