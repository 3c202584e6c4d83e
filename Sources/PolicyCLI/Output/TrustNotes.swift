import PolicyBase
import RegistryAuth

/// `--debug`'s line saying which certificate authorities a registry's certificate is checked against.
enum TrustNotes {
    static func line(_ options: TransportOptions, server: String) -> String {
        if options.insecure { return "trust for \(server): none, -k skips verification" }
        var parts: [String] = []
        let system = options.systemTrust ?? SystemTrust(file: nil, directory: nil)
        if let caFile = options.caFile {
            parts.append("CA file \(OutsideText(caFile)) (--ca-file)")
        } else if let file = system.file {
            parts.append("CA file \(OutsideText(file))")
        }
        if let directory = system.directory { parts.append("CA directory \(OutsideText(directory))") }
        parts += options.registryCertificates.files.map { "\(OutsideText($0)) (docker's certs.d)" }
        if parts.isEmpty {
            return "trust for \(server): no CA file or directory (SSL_CERT_FILE unset; looked in "
                + SystemTrust.defaultPlaces.joined(separator: ", ") + ")"
        }
        return "trust for \(server): " + parts.joined(separator: ", ")
    }
}
