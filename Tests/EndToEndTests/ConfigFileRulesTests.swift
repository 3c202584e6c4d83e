import Foundation
import Testing

/// The rules of config.json through the built binary: unknown keys kept at both levels, a symlink stays a
/// symlink, an existing mode is kept, a corrupt file is reported and never touched, an empty file is `{}`.
@Suite(.enabled(if: Tools.available("python3")))
struct ConfigFileRulesTests {
    static let user = "demo"
    static let password = "rules secret 1"

    func login(_ server: String, _ home: TemporaryDirectory, password: String = password) throws -> ProcessResult {
        try PolicyBinary.run(
            ["login", "-s", server, "-u", Self.user, "--password-stdin", "--plaintext", "-c", home.path],
            stdin: password + "\n")
    }

    @Test func unknownKeysAtBothLevelsAreKept() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let server = registries.servers[0]
        let home = try TemporaryDirectory()
        try home.write(
            "config.json",
            """
            {"auths": {"\(server)": {"auth": "b2xkOm9sZA==", "email": "me@example.com", "x-note": {"n": 10000000000000000001}},
                       "other.example": {"auth": "b3RoZXI6c2VjcmV0", "identitytoken": "keep-me"}},
             "proxies": {"default": {"httpProxy": "http://proxy:3128"}}, "futureKey": [1, 2.50, {"nested": null}, true]}
            """)
        let result = try login(server, home)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let text = String(decoding: try home.read("config.json"), as: UTF8.self)
        #expect(text.contains("10000000000000000001"), "a number keeps its digits")
        #expect(text.contains("2.50"))
        let config = try ConfigJSON(home.read("config.json"))
        #expect(config.auth(server) == Data("\(Self.user):\(Self.password)".utf8).base64EncodedString())
        #expect(config.entry(server)?["email"] as? String == "me@example.com")
        #expect(config.entry(server)?["x-note"] != nil)
        #expect(config.entry("other.example")?["identitytoken"] as? String == "keep-me")
        #expect((config.root["proxies"] as? [String: Any])?["default"] != nil)
        #expect((config.root["futureKey"] as? [Any])?.count == 4)
    }

    @Test func aSymlinkedConfigStaysASymlinkAndItsTargetChanges() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: home.file("dotfiles"), withIntermediateDirectories: true)
        try home.write("dotfiles/policy.json", #"{"auths": {}, "mine": 1}"#)
        try FileManager.default.createDirectory(atPath: home.file("config"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: home.file("config/config.json"), withDestinationPath: "../dotfiles/policy.json")
        let result = try PolicyBinary.run(
            [
                "login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext",
                "-c", home.file("config")
            ], stdin: Self.password)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: home.file("config/config.json"))
                == "../dotfiles/policy.json")
        let target = try ConfigJSON(home.read("dotfiles/policy.json"))
        #expect(target.auth(registries.servers[0]) != nil)
        #expect(target.root["mine"] as? Int == 1)
    }

    @Test func anExistingFileKeepsMode0640() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        try home.write("config.json", "{}")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: home.file("config.json"))
        let result = try login(registries.servers[0], home)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.attributesOfItem(atPath: home.file("config.json"))[.posixPermissions] as? Int
                == 0o640)
        #expect(try ConfigJSON(home.read("config.json")).auth(registries.servers[0]) != nil)
    }

    @Test(arguments: ["", "\n", " \t\r\n "])
    func anEmptyFileCountsAsAnEmptyObject(_ content: String) throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        try home.write("config.json", content)
        let result = try login(registries.servers[0], home)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try ConfigJSON(home.read("config.json")).auth(registries.servers[0]) != nil)
    }

    struct Corrupt: CustomTestStringConvertible, Sendable {
        var content: String
        /// What the error must quote: the parse position, or the key with the wrong type.
        var mentions: String
        /// Whether logout fails too (it may remove a malformed entry of the very server it logs out of).
        var logoutFails = true
        var testDescription: String { content.debugDescription }
    }

    static let corrupt: [Corrupt] = [
        Corrupt(content: "{\"auths\": {\n  \"ghcr.io\": {\"auth\": \"eDp5\"}", mentions: "line 2, column 30"),
        Corrupt(content: "{\"auths\": {}}\ngarbage", mentions: "line 2, column 1"),
        Corrupt(content: "\u{FEFF}{}", mentions: "line 1, column 1"),
        Corrupt(content: "{'auths': {}}", mentions: "line 1, column 2"),
        Corrupt(content: "[1, 2]", mentions: "not an object"),
        Corrupt(content: "null", mentions: "not an object"),
        Corrupt(content: #"{"auths": []}"#, mentions: "'auths'"),
        Corrupt(content: #"{"auths": {"127.0.0.1:1": "x"}}"#, mentions: #"auths["127.0.0.1:1"]"#, logoutFails: false),
        Corrupt(content: #"{"credsStore": 7}"#, mentions: "'credsStore'"),
        Corrupt(content: #"{"credHelpers": ["x"]}"#, mentions: "'credHelpers'")
    ]

    /// Nothing listens on 127.0.0.1:1: the config is checked before the registry is asked, so no server is needed.
    @Test(arguments: corrupt)
    func aCorruptFileExits5AndStaysByteForByte(_ row: Corrupt) throws {
        let home = try TemporaryDirectory()
        try home.write("config.json", row.content)
        let before = try home.read("config.json")
        let logout = ["logout", "-s", "127.0.0.1:1"]
        for arguments in [["login", "-s", "127.0.0.1:1", "-u", "u", "-p", "pw-never-stored"]]
            + (row.logoutFails ? [logout] : [])
        {
            let result = try PolicyBinary.run(arguments + ["-c", home.path], timeout: 20)
            #expect(result.exitCode == 5, "\(arguments[0]): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(home.file("config.json")), "\(result.stderr)")
            #expect(result.stderr.contains(row.mentions), "\(result.stderr)")
            #expect(!result.stderr.contains("pw-never-stored"))
            #expect(try home.read("config.json") == before)
            let left = try FileManager.default.contentsOfDirectory(atPath: home.path).filter {
                $0 != "config.json.lock"
            }
            #expect(left == ["config.json"], "no temporary file is left behind")
        }
    }
}
