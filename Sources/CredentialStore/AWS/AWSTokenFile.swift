import PolicyBase

/// A token kept in a file and read each time it is used: the web identity token (`AWS_WEB_IDENTITY_TOKEN_FILE`,
/// rotated by EKS and GitHub Actions) and the container authorization token (`AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`).
public enum AWSTokenFile {
    /// No token is this large; a bigger file is not a token.
    static let maxBytes = 64 << 10

    /// The file's text without surrounding whitespace.
    /// - Throws: `unreadable` (a missing file included) or `unusableTokenFile` (empty, or too large).
    public static func read(_ path: String) throws(AWSSourceError) -> String {
        let bytes: [UInt8]?
        do {
            bytes = try FileSystem.readFileIfPresent(path)
        } catch {
            if case .fileSystem(_, _, let code) = error { throw .unreadable(path: path, errno: code) }
            throw .unreadable(path: path, errno: 0)
        }
        guard let bytes else { throw .unreadable(path: path, errno: 2) }
        guard bytes.count <= maxBytes else { throw .unusableTokenFile(path: path) }
        let token = String(decoding: bytes, as: UTF8.self).trimming { $0 == " " || $0 == "\t" || $0.isNewline }
        guard !token.isEmpty else { throw .unusableTokenFile(path: path) }
        return token
    }
}
