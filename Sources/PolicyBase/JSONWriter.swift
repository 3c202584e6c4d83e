/// Writes JSON with sorted keys and tab indentation (docker's layout), so config files diff cleanly.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> [UInt8] {
        var out = ""
        append(value, to: &out, indent: 0)
        out += "\n"
        return Array(out.utf8)
    }

    private static func append(_ value: JSONValue, to out: inout String, indent: Int) {
        switch value {
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            for (position, key) in members.keys.sorted().enumerated() {
                out += String(repeating: "\t", count: indent + 1)
                appendString(key, to: &out)
                out += ": "
                append(members[key] ?? .null, to: &out, indent: indent + 1)
                out += position == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "\t", count: indent) + "}"
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (position, element) in elements.enumerated() {
                out += String(repeating: "\t", count: indent + 1)
                append(element, to: &out, indent: indent + 1)
                out += position == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "\t", count: indent) + "]"
        case .string(let text): appendString(text, to: &out)
        case .number(let literal): out += literal
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
