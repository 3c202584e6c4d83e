import Platform

/// Where the system's trusted certificate authorities are: a bundle file, a directory of hash links, or both.
///
/// The file is what distributions keep every trusted CA in (a CA appended to it is trusted); the directory adds
/// what was installed there as an OpenSSL hash link (`<hash>.0`). `SSL_CERT_FILE` and `SSL_CERT_DIR` replace
/// each half, as they do for OpenSSL and Go.
public struct SystemTrust: Sendable, Equatable {
    /// The CA bundle read, or nil.
    public var file: String?
    /// The directory of hash links looked in, or nil.
    public var directory: String?

    public init(file: String?, directory: String?) {
        self.file = file
        self.directory = directory
    }

    /// Whether there is nothing to trust: no file and no directory.
    public var isEmpty: Bool { file == nil && directory == nil }

    /// The bundle files of Debian and Ubuntu, Fedora and RHEL (two), openSUSE, OpenELEC, Alpine and others, in the
    /// order Go's crypto/x509 looks for them: the first that exists is read.
    public static let bundleFiles = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", "/etc/ssl/ca-bundle.pem", "/etc/pki/tls/cacert.pem",
        "/etc/ssl/cert.pem"
    ]
    /// The directories of hash links, the first that exists used.
    public static let directories = ["/etc/ssl/certs", "/etc/pki/tls/certs"]
    /// The variables that name a bundle file and a directory instead.
    public static let fileVariable = "SSL_CERT_FILE"
    public static let directoryVariable = "SSL_CERT_DIR"

    /// Every place looked in when the variables are unset, in order.
    public static var defaultPlaces: [String] { bundleFiles + directories }

    /// The system's trust store for `environment`: each variable that is set and not empty wins over its list.
    public static func locate(environment: [String: String]) -> SystemTrust {
        let file =
            environment[fileVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? bundleFiles.first { Paths.isRegularFile($0) == true }
        let directory =
            environment[directoryVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? directories.first { Paths.isDirectory($0) }
        return SystemTrust(file: file, directory: directory)
    }
}
