import PolicyBase
import Testing

@testable import RegistryAuth

/// Expiry read from the secret's own form: an ECR password (base64 of a JSON object with `payload`, `datakey`,
/// `version`, `type`, `expiration`) or a JWT's `exp`; nothing for anything else.
struct CredentialExpiryTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var secret: String
        var expected: (expires: Int, source: CredentialExpiry.Source)?
        var testDescription: String { name }
    }

    static func ecr(_ json: String) -> String { Base64.encode(Array(json.utf8)) }

    /// The shape `aws ecr get-login-password` prints, with the fields given.
    static func ecrObject(dropping dropped: String? = nil, expiration: String = "1764000000") -> String {
        let fields = [
            ("payload", #""AQEC...""#), ("datakey", #""AQEB...""#), ("version", #""2""#), ("type", #""DATA_KEY""#),
            ("expiration", expiration)
        ]
        return "{" + fields.filter { $0.0 != dropped }.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static let rows: [Row] = [
        Row(name: "ECR password", secret: ecr(ecrObject()), expected: (1_764_000_000, .ecrToken)),
        Row(
            name: "ECR password, keys in another order and unknown ones",
            secret: ecr(
                #"{"type":"DATA_KEY","expiration":1764000001,"version":"2","datakey":"x","payload":"y","extra":true}"#),
            expected: (1_764_000_001, .ecrToken)),
        Row(
            name: "ECR password, expiration as a float", secret: ecr(ecrObject(expiration: "1764000000.75")),
            expected: (1_764_000_000, .ecrToken)),
        Row(
            name: "ECR password, expiration in exponent form", secret: ecr(ecrObject(expiration: "1.764e9")),
            expected: (1_764_000_000, .ecrToken)),
        Row(name: "ECR without payload", secret: ecr(ecrObject(dropping: "payload")), expected: nil),
        Row(name: "ECR without datakey", secret: ecr(ecrObject(dropping: "datakey")), expected: nil),
        Row(name: "ECR without version", secret: ecr(ecrObject(dropping: "version")), expected: nil),
        Row(name: "ECR without type", secret: ecr(ecrObject(dropping: "type")), expected: nil),
        Row(name: "ECR without expiration", secret: ecr(ecrObject(dropping: "expiration")), expected: nil),
        Row(
            name: "ECR with expiration as a string", secret: ecr(ecrObject(expiration: #""1764000000""#)), expected: nil
        ),
        Row(name: "ECR with an absurd expiration", secret: ecr(ecrObject(expiration: "1e300")), expected: nil),
        Row(
            name: "JWT with exp", secret: UnsignedJWT.make(claims: #"{"sub":"me","exp":1764003600}"#),
            expected: (1_764_003_600, .jwt)),
        Row(
            name: "JWT with exp as a float", secret: UnsignedJWT.make(claims: #"{"exp":1764003600.9}"#),
            expected: (1_764_003_600, .jwt)),
        Row(
            name: "JWT with an exp in the past", secret: UnsignedJWT.make(claims: #"{"exp":1000}"#),
            expected: (1000, .jwt)),
        // A hostile exp must not reach date arithmetic (Int.min once crashed the sentence that prints it).
        Row(
            name: "JWT with exp Int.min", secret: UnsignedJWT.make(claims: #"{"exp":-9223372036854775808}"#),
            expected: nil),
        Row(
            name: "JWT with exp Int.max", secret: UnsignedJWT.make(claims: #"{"exp":9223372036854775807}"#),
            expected: nil),
        Row(
            name: "JWT with exp after year 9999", secret: UnsignedJWT.make(claims: #"{"exp":253402300800}"#),
            expected: nil),
        Row(name: "JWT with a negative exp", secret: UnsignedJWT.make(claims: #"{"exp":-1}"#), expected: nil),
        Row(
            name: "JWT with exp at the end of 9999", secret: UnsignedJWT.make(claims: #"{"exp":253402300799}"#),
            expected: (253_402_300_799, .jwt)),
        Row(
            name: "JWT without exp", secret: UnsignedJWT.make(claims: #"{"sub":"me","iat":1764000000}"#), expected: nil),
        Row(
            name: "JWT with exp as a string", secret: UnsignedJWT.make(claims: #"{"exp":"1764003600"}"#), expected: nil),
        Row(name: "JWT whose payload is an array", secret: UnsignedJWT.make(claims: #"[1764003600]"#), expected: nil),
        Row(
            name: "two segments only",
            secret: UnsignedJWT.make(claims: #"{"exp":1}"#).split(separator: ".").prefix(2).joined(separator: "."),
            expected: nil),
        Row(name: "GitHub PAT", secret: "ghp_16C7e42F292c6912E7710c838347Ae178B4a", expected: nil),
        Row(
            name: "GitHub fine-grained PAT", secret: "github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789",
            expected: nil),
        Row(name: "plain password", secret: "correct horse battery staple", expected: nil),
        Row(name: "password with dots", secret: "a.b.c", expected: nil),
        Row(name: "empty", secret: "", expected: nil),
        Row(name: "base64 of text", secret: Base64.encode(Array("hello, world".utf8)), expected: nil),
        Row(name: "base64 of a JSON number", secret: Base64.encode(Array("1764000000".utf8)), expected: nil),
        Row(
            name: "base64 of a JSON array",
            secret: Base64.encode(Array(#"["payload","datakey","version","type"]"#.utf8)), expected: nil)
    ]

    @Test(arguments: rows)
    func readsTheExpiryTheSecretCarries(_ row: Row) {
        let found = CredentialExpiry.of(row.secret)
        #expect(found?.expires == row.expected?.expires)
        #expect(found?.source == row.expected?.source)
    }

    /// ECR is recognised by the form of the password, whatever the host: an ECR-shaped JWT claim set is a JWT.
    @Test func aJWTWhoseClaimsLookLikeECRIsAJWT() {
        let secret = UnsignedJWT.make(
            claims: #"{"payload":"p","datakey":"d","version":"2","type":"DATA_KEY","expiration":5,"exp":7}"#)
        let found = CredentialExpiry.of(secret)
        #expect(found?.expires == 7)
        #expect(found?.source == .jwt)
    }
}
