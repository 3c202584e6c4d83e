import Platform
import Testing

@testable import RegistryAuth

struct SystemTrustTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let environment: [String: String]
        let file: String?
        let directory: String?
        var testDescription: String { name }
    }

    // This machine (Debian) has /etc/ssl/certs/ca-certificates.crt and /etc/ssl/certs.
    static let rows: [Row] = [
        Row(
            name: "neither variable: the first bundle file and directory that exist", environment: [:],
            file: "/etc/ssl/certs/ca-certificates.crt", directory: "/etc/ssl/certs"),
        Row(
            name: "SSL_CERT_FILE replaces the file only", environment: ["SSL_CERT_FILE": "/tmp/bundle.pem"],
            file: "/tmp/bundle.pem", directory: "/etc/ssl/certs"),
        Row(
            name: "SSL_CERT_DIR replaces the directory only", environment: ["SSL_CERT_DIR": "/tmp/hashes"],
            file: "/etc/ssl/certs/ca-certificates.crt", directory: "/tmp/hashes"),
        Row(
            name: "an empty variable counts as unset", environment: ["SSL_CERT_FILE": "", "SSL_CERT_DIR": ""],
            file: "/etc/ssl/certs/ca-certificates.crt", directory: "/etc/ssl/certs")
    ]

    @Test(arguments: rows)
    func locatesTheTrustStore(_ row: Row) {
        #expect(
            SystemTrust.locate(environment: row.environment) == SystemTrust(file: row.file, directory: row.directory))
    }

    @Test func looksInEveryPlaceOfTheIssueInOrder() {
        #expect(
            SystemTrust.defaultPlaces == [
                "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
                "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", "/etc/ssl/ca-bundle.pem",
                "/etc/pki/tls/cacert.pem",
                "/etc/ssl/cert.pem", "/etc/ssl/certs", "/etc/pki/tls/certs"
            ])
    }
}
