import Foundation
import Testing

/// `policy logout` with credentials in config.json.
@Suite(.enabled(if: Tools.available("python3")))
struct LogoutTests {
    @Test func logoutRemovesTheEntryAndKeepsTheRest() throws {
        let registries = try BasicRegistries(count: 1, user: "demo", password: "logout-pw")
        let server = registries.servers[0]
        let home = try TemporaryDirectory()
        try home.write(
            "config.json", #"{"auths": {"other.example": {"auth": "b3RoZXI6c2VjcmV0"}}, "HttpHeaders": {"X": "y"}}"#)
        try logIn(server, user: "demo", password: "logout-pw", home: home)
        let result = try PolicyBinary.run(["logout", "-s", "HTTP://\(server)/v2/", "-c", home.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Removing login credentials for \(server)\n")
        #expect(result.stderr.isEmpty)
        let config = try ConfigJSON(home.read("config.json"))
        #expect(config.entry(server) == nil)
        #expect(config.auth("other.example") == "b3RoZXI6c2VjcmV0")
        #expect(config.root["HttpHeaders"] != nil)
    }

    @Test func logoutWithoutAServerUsesTheDefaultDomain() throws {
        let registries = try BasicRegistries(count: 1, user: "demo", password: "default-pw")
        let server = registries.servers[0]
        let home = try TemporaryDirectory()
        try logIn(server, user: "demo", password: "default-pw", home: home, arguments: ["-d"])
        let result = try PolicyBinary.run(["logout", "-c", home.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Removing login credentials for \(server)\n")
        #expect(try ConfigJSON(home.read("config.json")).entry(server) == nil)
    }

    @Test(arguments: [nil, #"{"auths": {"other.example": {"auth": "eDp5"}}}"#, ""])
    func notLoggedInIsSaidAndExits0WithoutWriting(_ content: String?) throws {
        let home = try TemporaryDirectory()
        if let content { try home.write("config.json", content) }
        let result = try PolicyBinary.run(["logout", "registry.example:5000", "-c", home.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Not logged in to registry.example:5000\n")
        if let content {
            #expect(try home.read("config.json") == Data(content.utf8))
        } else {
            #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "logout creates nothing")
        }
    }

    @Test(arguments: [["logout", "-s", "a.example", "b.example"], ["logout", "a.example/some/path"], ["logout"]])
    func logoutUsageErrorsExit2(_ arguments: [String]) throws {
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(arguments + ["-c", home.path])
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
