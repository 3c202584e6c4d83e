import CCurl
import PolicyBase

/// The versions of the libcurl policy runs with and of the libraries inside it, as libcurl reports them at run
/// time (`curl_version_info`): the static binary's own copies, or the system's in a dynamic build.
public struct CurlLibraryVersions: Sendable, Equatable {
    /// libcurl's version, e.g. 7.88.1.
    public let libcurl: OutsideText
    /// The TLS library's name and version, e.g. OpenSSL/3.0.19; nil for a libcurl without TLS.
    public let tls: OutsideText?
    /// nghttp2's version (HTTP/2), e.g. 1.52.0; nil when libcurl has no HTTP/2.
    public let nghttp2: OutsideText?
    /// c-ares's version when libcurl resolves names with it (the static build), else nil (getaddrinfo).
    public let cAres: OutsideText?

    public init(libcurl: OutsideText, tls: OutsideText?, nghttp2: OutsideText?, cAres: OutsideText?) {
        self.libcurl = libcurl
        self.tls = tls
        self.nghttp2 = nghttp2
        self.cAres = cAres
    }

    /// What the libcurl in use reports now.
    public static func current() -> CurlLibraryVersions {
        let info = policy_curl_version_info().pointee
        return CurlLibraryVersions(
            libcurl: text(info.version) ?? "unknown", tls: text(info.ssl_version),
            nghttp2: text(info.nghttp2_version), cAres: text(info.ares))
    }

    private static func text(_ pointer: UnsafePointer<CChar>?) -> OutsideText? {
        guard let pointer else { return nil }
        let version = OutsideText(String(cString: pointer), .word)
        return version.isEmpty ? nil : version
    }
}
