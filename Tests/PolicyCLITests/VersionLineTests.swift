import RegistryAuth
import Testing

@testable import PolicyCLI

/// The libraries part of `policy --version`: what libcurl reports, in curl's `name/version` style, leaving
/// out what this libcurl lacks (a system libcurl without HTTP/2 or c-ares, or without TLS).
struct VersionLineTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var versions: CurlLibraryVersions
        var line: String
        var testDescription: String { line }
    }

    static let rows: [Row] = [
        Row(
            versions: CurlLibraryVersions(libcurl: "7.88.1", tls: "OpenSSL/3.0.19", nghttp2: "1.52.0", cAres: "1.18.1"),
            line: "libcurl/7.88.1 OpenSSL/3.0.19 nghttp2/1.52.0 c-ares/1.18.1"),
        Row(
            versions: CurlLibraryVersions(libcurl: "7.88.1", tls: "OpenSSL/3.0.19", nghttp2: "1.52.0", cAres: nil),
            line: "libcurl/7.88.1 OpenSSL/3.0.19 nghttp2/1.52.0"),
        Row(
            versions: CurlLibraryVersions(libcurl: "8.5.0", tls: "GnuTLS/3.8.3", nghttp2: nil, cAres: nil),
            line: "libcurl/8.5.0 GnuTLS/3.8.3"),
        Row(versions: CurlLibraryVersions(libcurl: "8.5.0", tls: nil, nghttp2: nil, cAres: nil), line: "libcurl/8.5.0"),
        // A version string is outside text: a control character cannot reach the terminal.
        Row(
            versions: CurlLibraryVersions(libcurl: "8.5.0\u{1B}[2J", tls: nil, nghttp2: nil, cAres: nil),
            line: "libcurl/8.5.0 [2J")
    ]

    @Test(arguments: rows) func names(_ row: Row) {
        #expect(VersionCommand.libraries(row.versions) == row.line)
    }
}
