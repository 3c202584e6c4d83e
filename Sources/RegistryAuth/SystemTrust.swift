import CCurl
import Platform

/// Where the system's trusted certificate authorities can be read one at a time.
enum SystemTrust {
    /// libcurl's built-in CA directory when it holds OpenSSL hash links (`5ad8a5d6.0`), else nil, in which
    /// case libcurl's own defaults (the CA bundle file) stay in force.
    static func hashedCertificateDirectory() -> String? {
        guard let pointer = policy_curl_default_capath() else { return nil }
        let directory = String(cString: pointer)
        return containsHashLinks(directory) ? directory : nil
    }

    private static func containsHashLinks(_ directory: String) -> Bool {
        Directory.containsEntry(directory, where: isHashLinkName)
    }

    /// Eight hex digits, a dot, a decimal index: the names `openssl rehash` gives.
    static func isHashLinkName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 8, !parts[1].isEmpty else { return false }
        return parts[0].allSatisfy(\.isHexDigit) && parts[1].allSatisfy(\.isNumber)
    }
}
