import Platform

/// The certificate authorities docker trusts for one registry on top of the system's: every `*.crt` file in
/// `/etc/docker/certs.d/HOST[:PORT]/` (docker's `ReadCertsDirectory`: `.crt` files are CA roots added to the
/// system pool; `.cert`/`.key` pairs there are client certificates, which policy takes from `--cert-file` instead).
public struct DockerCertificates: Sendable, Equatable {
    /// The files read, in name order.
    public var files: [String]
    /// Their PEM text, one after the other.
    public var pem: [UInt8]

    /// docker's directory of per-registry certificates.
    public static let directory = "/etc/docker/certs.d"

    /// The `.crt` files for `authority` (`host` or `host:port`, as the registry is addressed); none when the
    /// directory does not exist. A file that cannot be read is left out.
    public static func of(_ authority: String) -> DockerCertificates {
        guard !authority.contains("/"), authority != "..", authority != "." else { return .init(files: [], pem: []) }
        let folder = directory + "/" + authority
        var found = DockerCertificates(files: [], pem: [])
        for name in Directory.entries(folder) ?? [] where name.hasSuffix(".crt") {
            let path = folder + "/" + name
            guard Paths.isRegularFile(path) == true, let bytes = try? FileDescriptor.readFile(path, limit: 4 << 20)
            else { continue }
            found.files.append(path)
            found.pem += bytes + [UInt8(ascii: "\n")]
        }
        return found
    }
}
