/// Why a `WWW-Authenticate` value could not be parsed; `offset` is the byte where parsing stopped.
public struct ChallengeParseError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case empty
        case expectedScheme
        case expectedParameterValue
        case unterminatedQuotedString
        case invalidCharacter
    }
    public var reason: Reason
    public var offset: Int
}

/// A strict RFC 7235 parser for `WWW-Authenticate` values: several challenges per value, token68,
/// quoted strings with backslash escapes, case-insensitive schemes, stray commas and optional whitespace.
/// Anything it cannot account for is an error, never a guess.
public enum ChallengeParser {
    /// Parses every challenge in each header value, in order.
    public static func parse(headerValues: [String]) throws(ChallengeParseError) -> [Challenge] {
        var all: [Challenge] = []
        for value in headerValues { all += try parse(value) }
        return all
    }

    /// Parses every challenge in one header value.
    public static func parse(_ value: String) throws(ChallengeParseError) -> [Challenge] {
        var cursor = Cursor(bytes: Array(value.utf8))
        var challenges: [Challenge] = []
        cursor.skipSeparators()
        while !cursor.atEnd {
            challenges.append(try parseChallenge(&cursor))
            cursor.skipSeparators()
        }
        if challenges.isEmpty { throw ChallengeParseError(reason: .empty, offset: 0) }
        return challenges
    }

    private static func parseChallenge(_ cursor: inout Cursor) throws(ChallengeParseError) -> Challenge {
        let scheme = cursor.readToken()
        guard !scheme.isEmpty else { throw cursor.error(.expectedScheme) }
        var challenge = Challenge(scheme: scheme)
        guard cursor.skipSpaces() > 0 || cursor.atEnd || cursor.peek == UInt8(ascii: ",") else {
            throw cursor.error(.invalidCharacter)
        }
        if let token68 = cursor.readToken68() {
            challenge.token68 = token68
            return challenge
        }
        cursor.skipEmptyListElementsBeforeParameter()
        while cursor.startsParameter() {
            let name = cursor.readToken().lowercased()
            cursor.skipSpaces()
            cursor.advance()  // "=", checked by startsParameter
            cursor.skipSpaces()
            let value = try cursor.readParameterValue()
            if challenge.parameters[name] == nil { challenge.parameters[name] = value }
            cursor.skipSpaces()
            guard cursor.atEnd || cursor.peek == UInt8(ascii: ",") else { throw cursor.error(.invalidCharacter) }
            cursor.skipSeparators()
        }
        return challenge
    }
}

/// A position in the header bytes with the RFC 7230 token rules.
private struct Cursor {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[index] }

    func error(_ reason: ChallengeParseError.Reason) -> ChallengeParseError {
        ChallengeParseError(reason: reason, offset: index)
    }

    mutating func advance() { index += 1 }

    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = index
        while let byte = peek, byte == 0x20 || byte == 0x09 { advance() }
        return index - start
    }

    mutating func skipSeparators() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ",") { advance() }
    }

    mutating func readToken() -> String {
        let start = index
        while let byte = peek, Self.isTokenChar(byte) { advance() }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Reads `token68` when what follows the scheme is one (then only spaces, a comma or the end follow).
    mutating func readToken68() -> String? {
        var probe = index
        while probe < bytes.count, Self.isToken68Char(bytes[probe]) { probe += 1 }
        guard probe > index else { return nil }
        while probe < bytes.count, bytes[probe] == UInt8(ascii: "=") { probe += 1 }
        var after = probe
        while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 { after += 1 }
        guard after == bytes.count || bytes[after] == UInt8(ascii: ",") else { return nil }
        let token = String(decoding: bytes[index..<probe], as: UTF8.self)
        index = after
        return token
    }

    /// Skips commas and blanks (empty list elements, RFC 7230 §7) when a parameter follows them, as in
    /// `Bearer ,realm="…"`; before another challenge's scheme they are left for the caller.
    mutating func skipEmptyListElementsBeforeParameter() {
        let start = index
        skipSeparators()
        if !startsParameter() { index = start }
    }

    /// True when the next item is `name = …` rather than the scheme of another challenge.
    func startsParameter() -> Bool {
        var probe = index
        while probe < bytes.count, Self.isTokenChar(bytes[probe]) { probe += 1 }
        guard probe > index else { return false }
        while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
        return probe < bytes.count && bytes[probe] == UInt8(ascii: "=")
    }

    mutating func readParameterValue() throws(ChallengeParseError) -> String {
        guard let first = peek else { throw error(.expectedParameterValue) }
        if first == UInt8(ascii: "\"") { return try readQuotedString() }
        let token = readToken()
        guard !token.isEmpty else { throw error(.expectedParameterValue) }
        return token
    }

    private mutating func readQuotedString() throws(ChallengeParseError) -> String {
        let openingQuote = index
        advance()
        var value: [UInt8] = []
        while let byte = peek {
            advance()
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek, Self.isQuotedTextChar(escaped) || escaped == 0x22 || escaped == 0x5C else {
                    throw ChallengeParseError(reason: .unterminatedQuotedString, offset: openingQuote)
                }
                value.append(escaped)
                advance()
            case _ where Self.isQuotedTextChar(byte):
                value.append(byte)
            default:
                throw ChallengeParseError(reason: .invalidCharacter, offset: index - 1)
            }
        }
        throw ChallengeParseError(reason: .unterminatedQuotedString, offset: openingQuote)
    }

    static func isTokenChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    static func isToken68Char(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~+/".utf8.contains(byte)
        }
    }

    /// qdtext and the octets a quoted-pair may carry: HTAB, SP, visible ASCII and obs-text; no controls.
    static func isQuotedTextChar(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F)
    }
}
