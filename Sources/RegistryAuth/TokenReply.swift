import PolicyBase

/// Why a token service's 200 reply gave no usable token.
public enum TokenReplyError: Error, Sendable, Equatable {
    case notJSON
    case missingToken
}

/// The JSON a token service returns: `token` and/or `access_token` (Azure sends only the latter).
public enum TokenReply {
    /// Extracts the bearer token from a reply body. A field of another type (a number, null) counts as
    /// absent, not as a broken reply.
    public static func decode(_ body: [UInt8]) throws(TokenReplyError) -> String {
        guard let fields = (try? JSONParser.parse(body))?.objectValue else { throw .notJSON }
        for name in ["token", "access_token"] {
            if let token = fields[name]?.stringValue, !token.isEmpty, token.allSatisfy(\.isTokenSafe) { return token }
        }
        throw .missingToken
    }
}

extension Character {
    /// Visible ASCII only: a token goes into an HTTP header, where CR, LF or controls would be an injection.
    fileprivate var isTokenSafe: Bool { isASCII && asciiValue.map { $0 > 0x20 && $0 < 0x7F } == true }
}
