/// Text from outside policy (a registry's error, a helper's message, a config value) made safe to print on
/// one line: C0 and C1 control characters (a terminal acts on ESC and on U+009B, a CSI) and line breaks
/// become a space, runs of blanks collapse into one, the ends are trimmed, and long text is cut with "…".
public enum DisplayText {
    /// The default limit, in characters.
    public static let defaultLimit = 200

    public static func clean(_ text: String, limit: Int = defaultLimit) -> String {
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

    /// The same for bytes that should be UTF-8 (invalid sequences are repaired first).
    public static func clean(_ bytes: [UInt8], limit: Int = defaultLimit) -> String {
        clean(String(decoding: bytes, as: UTF8.self), limit: limit)
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
