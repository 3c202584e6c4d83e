#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a token service's 200 reply gave no usable token.
public enum TokenReplyError: Error, Sendable, Equatable {
    case notJSON
    case missingToken
}

/// The JSON a token service returns: `token` and/or `access_token` (Azure sends only the latter).
public enum TokenReply {
    /// Extracts the bearer token from a reply body.
    public static func decode(_ body: [UInt8]) throws(TokenReplyError) -> String {
        let reply: Fields
        do {
            reply = try JSONDecoder().decode(Fields.self, from: Data(body))
        } catch {
            throw .notJSON
        }
        for candidate in [reply.token, reply.access_token] {
            if let token = candidate, !token.isEmpty, token.allSatisfy(\.isTokenSafe) { return token }
        }
        throw .missingToken
    }

    private struct Fields: Decodable {
        var token: String?
        var access_token: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // A field of another type (a number, null) counts as absent, not as a broken reply.
            token = try? container.decodeIfPresent(String.self, forKey: .token)
            access_token = try? container.decodeIfPresent(String.self, forKey: .access_token)
        }

        enum CodingKeys: String, CodingKey { case token, access_token }
    }
}

private extension Character {
    /// Visible ASCII only: a token goes into an HTTP header, where CR, LF or controls would be an injection.
    var isTokenSafe: Bool { isASCII && asciiValue.map { $0 > 0x20 && $0 < 0x7F } == true }
}
