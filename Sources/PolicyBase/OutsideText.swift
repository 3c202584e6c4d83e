/// Text that came from outside policy — a registry's body or header, a helper's output, a config key, a stored
/// user name, an argument echoed back — made safe to print on one line when it is made, and only then: C0 and C1
/// control characters (a terminal acts on ESC and on U+009B, a CSI), the bidirectional controls U+202A–U+202E and
/// U+2066–U+2069 (which reorder what follows them on screen) and line breaks become a space, runs of blanks
/// collapse into one, the ends are trimmed, and long text is cut with "…". Sentences interpolate this type, never
/// the raw string.
public struct OutsideText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// How much of the text a sentence quotes, in characters.
    public enum Length: Int, Sendable {
        /// An option, a port, a scheme, a number someone typed.
        case word = 40
        /// A user name, a host, a config key, a repository.
        case name = 80
        /// A server's or helper's message, a path, a TLS library's detail.
        case message = 200
    }

    /// The cleaned text.
    public let description: String

    public init(_ text: some StringProtocol, _ length: Length = .message) {
        description = Self.clean(String(text), limit: length.rawValue)
    }

    /// The same for bytes that should be UTF-8 (invalid sequences are repaired first).
    public init(bytes: [UInt8], _ length: Length = .message) {
        self.init(String(decoding: bytes, as: UTF8.self), length)
    }

    /// Text that may quote a secret back (a server's error body, a helper's message): every secret of `redaction`
    /// is hidden before the text is cleaned and cut, so no part of one survives.
    public init(_ text: some StringProtocol, _ length: Length = .message, redacting redaction: Redaction) {
        self.init(redaction.apply(String(text)), length)
    }

    /// The same for bytes that should be UTF-8.
    public init(bytes: [UInt8], _ length: Length = .message, redacting redaction: Redaction) {
        self.init(String(decoding: bytes, as: UTF8.self), length, redacting: redaction)
    }

    /// A literal is ours, but goes through the same cleaning: tests and defaults build rows with it.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var isEmpty: Bool { description.isEmpty }

    private static func clean(_ text: String, limit: Int) -> String {
        var line = String.UnicodeScalarView()
        var pendingBlank = false
        var count = 0
        for scalar in text.unicodeScalars {
            if isBlank(scalar) {
                pendingBlank = !line.isEmpty
                continue
            }
            if count == limit { return String(line) + "…" }
            if pendingBlank {
                line.append(" ")
                count += 1
                pendingBlank = false
                if count == limit { return String(line) + "…" }
            }
            line.append(scalar)
            count += 1
        }
        return String(line)
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
