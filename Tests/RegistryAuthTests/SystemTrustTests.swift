import Testing

@testable import RegistryAuth

struct SystemTrustNameTests {
    @Test(arguments: [
        ("5ad8a5d6.0", true), ("002c0b4f.12", true), ("5AD8A5D6.1", true), ("ca-certificates.crt", false),
        ("5ad8a5d6.r0", false), ("5ad8a5d.0", false), ("5ad8a5d6.", false), ("5ad8a5d6", false), ("zzzzzzzz.0", false)
    ])
    func recognisesOpenSSLHashLinks(_ name: String, _ expected: Bool) {
        #expect(SystemTrust.isHashLinkName(name) == expected)
    }

    @Test func findsThisMachinesCADirectory() {
        // Debian's libcurl is built with --with-ca-path=/etc/ssl/certs, which ca-certificates fills with hash links.
        #expect(SystemTrust.hashedCertificateDirectory() == "/etc/ssl/certs")
    }
}
