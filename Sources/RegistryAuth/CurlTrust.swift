import CCurl

/// The certificate authorities one libcurl handle trusts: `--ca-file` or the system's bundle file, the system's
/// hash-link directory, and the registry's own CAs from docker's certs.d, all in one OpenSSL store.
enum CurlTrust {
    /// Sets CAINFO, CAPATH and CAINFO_BLOB on `handle`; the first option libcurl refuses and its code, or nil.
    static func apply(
        to handle: UnsafeMutableRawPointer, caFile: String?, system: SystemTrust, extra: [UInt8]
    ) -> (option: CURLoption, code: CURLcode)? {
        // A given --ca-file replaces the bundle file; the directory still adds what was installed there.
        let file = policy_curl_setopt_string(handle, CURLOPT_CAINFO, caFile ?? system.file)
        guard file == CURLE_OK else { return (CURLOPT_CAINFO, file) }
        let directory = policy_curl_setopt_string(handle, CURLOPT_CAPATH, system.directory)
        guard directory == CURLE_OK else { return (CURLOPT_CAPATH, directory) }
        guard !extra.isEmpty else { return nil }
        // libcurl copies the PEM (CURL_BLOB_COPY) and loads it into the same store as the file and directory.
        let code = extra.withUnsafeBytes { bytes in
            var blob = curl_blob(
                data: UnsafeMutableRawPointer(mutating: bytes.baseAddress), len: bytes.count,
                flags: UInt32(CURL_BLOB_COPY))
            return withUnsafeMutablePointer(to: &blob) { pointer in
                policy_curl_setopt_pointer(handle, CURLOPT_CAINFO_BLOB, UnsafeMutableRawPointer(pointer))
            }
        }
        return code == CURLE_OK ? nil : (CURLOPT_CAINFO_BLOB, code)
    }
}
