/// The secrets to hide in text that came from outside — a server's error body or headers, a helper's message, a
/// `--debug` trace — in every form they take when quoted back: as sent, JSON-escaped, and line by line for a
/// multi-line secret (a `_json_key` quoted in a one-line message keeps each of its lines). Our own sentences are
/// never passed through it: they hold no secret by construction.
public struct Redaction: Sendable, Equatable {
    /// What a hidden secret becomes.
    public static let marker = "[redacted]"

    /// The forms, longest first, so that a secret containing another is hidden whole.
    private var forms: [String] = []

    public init() {}

    public init(_ secrets: [String]) {
        for secret in secrets { add(secret) }
    }

    public var isEmpty: Bool { forms.isEmpty }

    /// Adds a secret given as bytes: hidden in the form outside bytes take once decoded (invalid UTF-8 repaired).
    public mutating func add(_ secret: [UInt8]) {
        add(String(decoding: secret, as: UTF8.self))
    }

    /// Adds a secret and its quoted forms. Forms shorter than 4 characters are not hidden: they would hide words.
    public mutating func add(_ secret: String) {
        var candidates = [secret]
        let json = String(decoding: JSONWriter.write(.string(secret)), as: UTF8.self)
        candidates.append(String(json.dropFirst().dropLast(2)))  // without the quotes and the final newline
        if secret.contains(where: \.isNewline) {
            candidates += secret.split(whereSeparator: \.isNewline).map { $0.trimming { $0 == " " || $0 == "\t" } }
                .filter { $0.count >= 12 }
        }
        for form in candidates where form.count >= 4 && !forms.contains(form) {
            forms.append(form)
        }
        forms.sort { $0.count > $1.count }
    }

    /// Adds every secret of `other`.
    public mutating func add(contentsOf other: Redaction) {
        for form in other.forms where !forms.contains(form) { forms.append(form) }
        forms.sort { $0.count > $1.count }
    }

    /// `text` with every form replaced by the marker.
    public func apply(_ text: String) -> String {
        var result = text
        for form in forms { result = result.replacing(form, with: Self.marker) }
        return result
    }
}
