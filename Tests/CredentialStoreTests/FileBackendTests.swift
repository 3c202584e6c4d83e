import PolicyBase
import Testing

@testable import CredentialStore

/// Credentials in config.json itself.
struct FileBackendTests {
    @Test(arguments: [
        ("me", "pw"), ("_json_key", "{\n  \"type\": \"service_account\"\n}"), ("AWS", "a:b:c"), ("u", "ünïcødé ")
    ])
    func storeGetListAndEraseRoundTrip(_ username: String, _ secret: String) throws {
        let backend = FileBackend()
        var config = ConfigDocument(
            path: "/tmp/config.json", members: ["auths": .object(["other": .object(["auth": .string("eDp5")])])])
        try backend.store(Credentials(username: username, secret: secret), for: "r.example", in: &config)
        let auth = try #require(config.authEntry(for: "r.example")?["auth"]?.stringValue)
        #expect(Base64.decode(auth) == Array((username + ":" + secret).utf8))
        #expect(backend.get("r.example", in: config) == Credentials(username: username, secret: secret))
        #expect(backend.list(in: config) == ["r.example": username, "other": "x"])
        #expect(try backend.erase("r.example", in: &config))
        #expect(config.authEntry(for: "r.example") == nil)
        #expect(try !backend.erase("r.example", in: &config))
        #expect(config.authEntry(for: "other") != nil)
    }
}
