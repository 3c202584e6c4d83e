import PolicyBase

/// The human-readable reason a registry put in an error body, if any, as one short clean line. A careless
/// registry may quote back what it was sent: every secret of `redaction` is hidden.
enum ServerMessage {
    static func extract(from response: HTTPResponse, redacting redaction: Redaction = Redaction()) -> OutsideText? {
        let body = response.body
        guard !body.isEmpty else { return nil }
        if let value = try? JSONParser.parse(body) {
            return fromJSON(value, redaction).flatMap(nonEmpty)
        }
        let text = String(decoding: body, as: UTF8.self)
        // Broken JSON and HTML pages say nothing a sentence could quote.
        if text.hasPrefix("{") || text.hasPrefix("[") || text.lowercased().contains("<html") { return nil }
        return nonEmpty(OutsideText(text, redacting: redaction))
    }

    /// `{"errors":[{"code","message"}]}` (distribution), `{"details"}` (Docker Hub, Artifactory), `{"message"}`.
    /// Fields of another type count as absent.
    private static func fromJSON(_ value: JSONValue, _ redaction: Redaction) -> OutsideText? {
        guard let object = value.objectValue else { return nil }
        if case .array(let errors)? = object["errors"], let first = errors.first?.objectValue {
            let parts = [first["code"], first["message"]].compactMap { $0?.stringValue }.filter { !$0.isEmpty }
            if !parts.isEmpty { return OutsideText(parts.joined(separator: ": "), redacting: redaction) }
        }
        return (object["details"]?.stringValue ?? object["message"]?.stringValue).map {
            OutsideText($0, redacting: redaction)
        }
    }

    private static func nonEmpty(_ text: OutsideText) -> OutsideText? { text.isEmpty ? nil : text }
}
