import Foundation
import Testing

/// Logout removes every spelling of a registry that status shows, through the store that holds it, so that the
/// two never disagree (issue 25): a `credHelpers` route spelt `http://host/` or `https://host`, a `credsStore`
/// helper holding `http://host/`; and for Docker Hub, docker's OAuth token entries beside its login
/// (docker/cli's logout erases `https://index.docker.io/v1/access-token` and `…/refresh-token` too).
@Suite(.enabled(if: Tools.available("sh")))
struct LogoutSpellingTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        /// config.json before (`HELPER` stands for the scripted helper's name).
        var config: String
        /// Entries seeded into the helper's keychain.
        var seeded: [String]
        /// The server given to `logout`.
        var server: String
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "credHelpers key http://host/", config: #"{"credHelpers": {"http://ghcr.example/": "HELPER"}}"#,
            seeded: ["http://ghcr.example/"], server: "ghcr.example"),
        Row(
            name: "credHelpers key https://host", config: #"{"credHelpers": {"https://ghcr.example": "HELPER"}}"#,
            seeded: ["https://ghcr.example"], server: "ghcr.example"),
        Row(
            name: "credHelpers key and auths key http://host/",
            config: #"{"auths": {"http://ghcr.example/": {}}, "credHelpers": {"http://ghcr.example/": "HELPER"}}"#,
            seeded: ["http://ghcr.example/"], server: "ghcr.example"),
        Row(
            name: "credsStore holding http://host/", config: #"{"credsStore": "HELPER"}"#,
            seeded: ["http://ghcr.example/"], server: "ghcr.example"),
        Row(
            name: "credsStore holding Docker Hub's OAuth tokens",
            config: #"{"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "HELPER"}"#,
            seeded: [
                "https://index.docker.io/v1/", "https://index.docker.io/v1/access-token",
                "https://index.docker.io/v1/refresh-token"
            ], server: "docker.io")
    ]

    @Test(arguments: rows)
    func logoutRemovesWhatStatusShows(_ row: Row) throws {
        let helper = try ScriptedHelper(mode: "strict-erase")
        for server in row.seeded { try helper.seed(server, username: "me", secret: "held-Secret-Rf4") }
        let home = try TemporaryDirectory()
        try home.write("config.json", row.config.replacingOccurrences(of: "HELPER", with: helper.name))
        let before = try PolicyBinary.run(["status", "-c", home.path], environment: helper.environment)
        #expect(before.exitCode == 0 && before.stdout.contains(row.server == "docker.io" ? "docker.io" : row.server))
        let result = try PolicyBinary.run(["logout", row.server, "-c", home.path], environment: helper.environment)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Removing login credentials for"), "\(result.stdout)")
        #expect(helper.held.isEmpty, "still held: \(helper.held)")
        let after = try PolicyBinary.run(
            ["status", "--json", "-c", home.path], environment: helper.environment)
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(after.stdout)")
    }

    /// In config.json itself: `logout docker.io` removes docker's OAuth token entries with the login, and
    /// `logout --all` does when it removes Docker Hub; every other entry stays.
    @Test(arguments: [["docker.io"], ["--all"]])
    func dockerHubsOAuthTokensGoWithItsLogin(_ arguments: [String]) throws {
        let home = try TemporaryDirectory()
        let auth = SecretLeaks.basic("me", "hub-Secret-Yu7")
        try home.write(
            "config.json",
            #"{"auths": {"https://index.docker.io/v1/": {"auth": "\#(auth)"}, "https://index.docker.io/v1/access-token": {"auth": "\#(auth)"}, "https://index.docker.io/v1/refresh-token": {"auth": "\#(auth)"}, "other.example": {"auth": "\#(auth)"}}}"#
        )
        let result = try PolicyBinary.run(["logout"] + arguments + ["-c", home.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let auths = try ConfigJSON(home.read("config.json")).root["auths"] as? [String: Any]
        #expect(auths?.keys.sorted() == (arguments == ["--all"] ? [] : ["other.example"]), "\(auths ?? [:])")
    }

    /// `logout --all` with a helper: the OAuth tokens docker keeps beside a recorded Docker Hub login go too,
    /// though this config records no key of their own.
    @Test func logoutAllTakesDockerHubsOAuthTokensFromTheHelper() throws {
        let helper = try ScriptedHelper(mode: "strict-erase")
        let seeded = [
            "https://index.docker.io/v1/", "https://index.docker.io/v1/access-token",
            "https://index.docker.io/v1/refresh-token", "unrecorded.example"
        ]
        for server in seeded { try helper.seed(server, username: "me", secret: "held-Secret-Rf4") }
        let home = try TemporaryDirectory()
        try home.write(
            "config.json", #"{"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "\#(helper.name)"}"#)
        let result = try PolicyBinary.run(["logout", "--all", "-c", home.path], environment: helper.environment)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(helper.held == ["unrecorded.example"], "another tool's login stays: \(helper.held)")
    }
}
