import Foundation
import Testing

/// `policy login` through the built binary against docker-registry with `auth: token` and the RS256 token service.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "openssl", "python3")))
struct LoginTokenTests {
    @Test func goodPasswordGetsATokenTheRegistryAccepts() throws {
        let registry = try RegistryFixture(.token, user: "robot", password: "t0ken-pass")
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            [
                "login", "-s", "https://\(registry.server)/v2/", "-u", "robot", "--password-stdin",
                "--ca-file", registry.caFile, "-c", home.path
            ], stdin: "t0ken-pass\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Login Succeeded\n")
        #expect(
            try ConfigJSON(home.read("config.json")).auth(registry.server)
                == Data("robot:t0ken-pass".utf8).base64EncodedString())
        let tokenRequests = registry.tokenRequests().filter { $0["authorization_scheme"] as? String == "Basic" }
        #expect(tokenRequests.count == 1)
        #expect((tokenRequests.first?["query"] as? [String: [String]])?["service"] == ["policy-test-registry"])
    }

    @Test func wrongPasswordExits3() throws {
        let registry = try RegistryFixture(.token, user: "robot", password: "t0ken-pass")
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", "robot", "--password-stdin",
                "--ca-file", registry.caFile, "-c", home.path
            ], stdin: "nope")
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains(registry.server))
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    @Test func jsonKeyWithNewlinesLogsInIntact() throws {
        let key = """
            {
              "type": "service_account",
              "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE  with spaces\\n-----END PRIVATE KEY-----\\n",
              "client_email": "ci@project.iam.gserviceaccount.com"
            }
            """
        let registry = try RegistryFixture(.token, user: "_json_key", password: key)
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", "_json_key", "--password-stdin",
                "--ca-file", registry.caFile, "-c", home.path
            ], stdin: key + "\r\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        let stored = try #require(ConfigJSON(home.read("config.json")).auth(registry.server))
        #expect(Data(base64Encoded: stored).map { String(decoding: $0, as: UTF8.self) } == "_json_key:" + key)
    }
}
