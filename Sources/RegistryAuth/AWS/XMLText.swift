/// Just enough XML for STS replies: the text of the first `<Name>…</Name>` element, entities decoded. STS's
/// replies are flat and namespace-free at the elements read; anything else is not needed.
enum XMLText {
    /// The text of the first element `name` in `xml`, or nil. Nested markup inside it is not expected.
    static func firstElement(_ name: String, in xml: String) -> String? {
        guard let open = xml.firstRange(of: "<\(name)>"),
            let close = xml[open.upperBound...].firstRange(of: "</\(name)>")
        else { return nil }
        return decoded(xml[open.upperBound..<close.lowerBound])
    }

    /// The text of element `name` inside the first element `parent`.
    static func element(_ name: String, inside parent: String, of xml: String) -> String? {
        guard let open = xml.firstRange(of: "<\(parent)>"),
            let close = xml[open.upperBound...].firstRange(of: "</\(parent)>")
        else { return nil }
        return firstElement(name, in: String(xml[open.upperBound..<close.lowerBound]))
    }

    private static func decoded(_ text: Substring) -> String {
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            if let character = character(for: entity) {
                result.append(character)
            } else {
                result += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        result += rest
        return result.trimmingHTTPWhitespace()
    }

    private static func character(for entity: Substring) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let number: UInt32?
            if entity.hasPrefix("#x") {
                number = UInt32(entity.dropFirst(2), radix: 16)
            } else if entity.hasPrefix("#") {
                number = UInt32(entity.dropFirst(), radix: 10)
            } else {
                number = nil
            }
            return number.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
