/// The pieces of an absolute http(s) URL that the login flow needs, without Foundation's URL. A URL with user
/// info (`user:password@`) is not one: a realm must not choose credentials, and no piece may carry them.
struct URLParts: Equatable {
    var scheme: String
    var authority: String

    init?(_ url: String) {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        authority = String(rest[..<end]).lowercased()
        let printableASCII = url.utf8.allSatisfy { byte in byte > 0x20 && byte < 0x7F }
        guard printableASCII, Self.isPlausibleAuthority(authority) else { return nil }
    }

    /// `url` without the user info of its authority, so that no URL kept or shown carries a credential.
    static func withoutUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        return String(url[..<schemeEnd.upperBound] + droppingUserInfo(rest[..<end]) + rest[end...])
    }

    /// The host and port of an authority: what follows its last `@`.
    private static func droppingUserInfo(_ authority: Substring) -> Substring {
        guard let at = authority.lastIndex(of: "@") else { return authority }
        return authority[authority.index(after: at)...]
    }

    /// `scheme://authority` with the scheme's default port dropped: what "the same server" means for credentials.
    var origin: String {
        let defaultPort = scheme == "https" ? ":443" : ":80"
        let normalized = authority.hasSuffix(defaultPort) ? String(authority.dropLast(defaultPort.count)) : authority
        return scheme + "://" + normalized
    }

    /// `host[:port]` or `[v6][:port]` of sane length: no user info, nothing a resolver could not take.
    /// (253 for a DNS name, 6 for the port, and room for a bracketed IPv6 address.)
    private static func isPlausibleAuthority(_ authority: String) -> Bool {
        guard !authority.isEmpty, authority.utf8.count <= 262 else { return false }
        return authority.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
            default: return ".-_:[]".utf8.contains(byte)
            }
        }
    }

    /// `url` with the query parameters appended, each value percent-encoded.
    static func appendingQuery(_ items: [(String, String)], to url: String) -> String {
        guard !items.isEmpty else { return url }
        let query = items.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
        return url + (url.contains("?") ? "&" : "?") + query
    }

    static func percentEncoded(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
