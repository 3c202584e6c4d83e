import PolicyBase
import Testing

/// RFC 4648's test vectors, docker's `auth` field, and JWT segments (URL-safe, unpadded).
struct Base64Tests {
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"), ("me:s3cret", "bWU6czNjcmV0"), ("é:\n", "w6k6Cg==")
    ])
    func encodesAndDecodes(_ plain: String, _ encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test func decodesTheURLSafeAlphabetWithoutPadding() {
        #expect(Base64.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64.decode("+/8=") == [0xFB, 0xFF])
        #expect(
            Base64.decode("eyJhbGciOiJSUzI1NiJ9").map { String(decoding: $0, as: UTF8.self) } == #"{"alg":"RS256"}"#)
    }

    @Test(arguments: ["Zg=", "Z", "Zh==", "Zm9v!", "Zm 9v", "Zg===", "====", "Zm9vY==="])
    func rejectsWhatIsNotBase64(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test func roundTripsEveryByte() {
        let bytes = (0...255).map(UInt8.init)
        for length in 0...bytes.count {
            #expect(Base64.decode(Base64.encode(bytes.prefix(length))) == Array(bytes.prefix(length)))
        }
    }
}
