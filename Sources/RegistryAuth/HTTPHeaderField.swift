/// One request header field.
public struct HTTPHeaderField: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `Name: value` as it goes on the wire. The one gate every header value policy sends passes — registry
    /// tokens, AWS session and metadata tokens, authorization tokens, access key IDs — whatever its source:
    /// a control byte (CR or LF above all) would end the line early and start a header of the sender's
    /// choosing, so such a value is refused and nothing is sent.
    /// - Throws: `TransportError.unsafeHeaderValue` naming the field.
    func line() throws(TransportError) -> String {
        try Self.check(value, field: name)
        return "\(name): \(value)"
    }

    /// Refuses a value that `canCarry` refuses.
    /// - Throws: `TransportError.unsafeHeaderValue(field:)`.
    static func check(_ value: String, field: String) throws(TransportError) {
        if !canCarry(value) { throw .unsafeHeaderValue(field: field) }
    }

    /// Whether a header can carry `value` as it is: no C0 control byte (tab aside, which HTTP allows inside
    /// a value) and no DEL. Sources that know their own name check with this first, for a better sentence.
    public static func canCarry(_ value: String) -> Bool {
        !value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F })
    }
}
