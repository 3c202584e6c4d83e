import PolicyBase

/// Reading the claims of a JSON Web Token without checking its signature: policy only reads what a token
/// service or a credential says about itself (granted access, expiry), and the registry remains the judge.
public enum JWT {
    /// The claims object of `token` when it has the JWT form (three base64url segments, the second a JSON
    /// object); nil for an opaque token.
    public static func claims(of token: String) -> [String: JSONValue]? {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, let payload = Base64.decode(String(segments[1])) else { return nil }
        return (try? JSONParser.parse(payload))?.objectValue
    }
}

extension JSONValue {
    /// The number as Unix seconds, when it is one between 1970 and the end of year 9999; anything else (a
    /// hostile `-9223372036854775808`, a float beyond any date) counts as absent.
    var unixSeconds: Int? {
        guard case .number(let literal) = self else { return nil }
        let value = Int(literal) ?? Double(literal).flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil }
        return value.flatMap { (0...253_402_300_799).contains($0) ? $0 : nil }
    }
}
