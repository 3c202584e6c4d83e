import PolicyBase
import Testing
@testable import CredentialStore

/// Credentials in config.json itself.
struct FileCredentialStoreTests {
    @Test(arguments: [("me", "pw"), ("_json_key", "{\n  \"type\": \"service_account\"\n}"), ("AWS", "a:b:c"), ("u", "ünïcødé ")])
    func storeAndEraseRoundTrip(_ username: String, _ secret: String) throws {
        let store = FileCredentialStore(path: "/tmp/config.json")
        var config = ConfigDocument(members: ["auths": .object(["other": .object(["auth": .string("eDp5")])])])
        try store.store(Credentials(username: username, secret: secret), for: "r.example", in: &config)
        let auth = try #require(config.authEntry(for: "r.example")?["auth"]?.stringValue)
        #expect(Base64.decode(auth) == Array((username + ":" + secret).utf8))
        #expect(try store.erase(server: "r.example", in: &config))
        #expect(config.authEntry(for: "r.example") == nil)
        #expect(try !store.erase(server: "r.example", in: &config))
        #expect(config.authEntry(for: "other") != nil)
    }
}
