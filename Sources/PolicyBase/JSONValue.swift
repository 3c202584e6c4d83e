/// A JSON document kept exactly enough to write back what we did not change: numbers keep their text.
public enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    /// The number's literal text, so `1.50` or `10000000000000000001` survive a rewrite unchanged.
    case number(String)
    case bool(Bool)
    case null

    /// The dictionary when this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The text when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
