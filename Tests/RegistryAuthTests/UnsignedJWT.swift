import PolicyBase

/// Builds tokens of the JWT form for tests: base64url (no padding) of a header and of `claims`, and a fake
/// signature. policy never checks the signature, so none is made.
enum UnsignedJWT {
    static func make(claims: String, header: String = #"{"alg":"RS256","typ":"JWT"}"#) -> String {
        [header, claims].map { base64URL(Array($0.utf8)) }.joined(separator: ".") + ".c2lnbmF0dXJl"
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        String(
            Base64.encode(bytes).compactMap { character -> Character? in
                switch character {
                case "+": "-"
                case "/": "_"
                case "=": nil
                default: character
                }
            })
    }
}
