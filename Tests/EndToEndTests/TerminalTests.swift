import Foundation
import Testing

/// Prompts on a pseudo-terminal: username with echo, password without, terminal restored on every exit.
@Suite(.enabled(if: Tools.available("docker-registry", "htpasswd", "python3")))
struct TerminalTests {
    static let user = "demo"
    static let password = "typed-secret-42"

    @Test func promptsForUsernameAndPasswordWithoutEchoingIt() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let session = try Terminal.run(["login", "-s", registry.server, "--ca-file", registry.caFile, "-c", home.path],
                                       answers: [("Username: ", Self.user + "\n"), ("Password: ", Self.password + "\n")])
        #expect(session.exitCode == 0, "\(session.output)")
        #expect(session.unanswered.isEmpty)
        #expect(session.output.contains("Username: demo"))
        #expect(session.output.contains("Login Succeeded"))
        #expect(!session.output.contains(Self.password))
        #expect(session.echoRestored)
        #expect(try ConfigJSON(home.read("config.json")).auth(registry.server) != nil)
    }

    @Test func ctrlCAtThePasswordPromptRestoresTheTerminal() throws {
        let home = try TemporaryDirectory()
        let session = try Terminal.run(["login", "-s", "registry.example", "-u", "me", "-c", home.path],
                                       answers: [("Password: ", "half\u{03}")])
        #expect(session.exitCode == -Int(SIGINT), "\(session.output)")
        #expect(session.echoRestored)
        #expect(!session.output.contains("half"))
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    @Test func anEmptyTypedPasswordIsAUsageError() throws {
        let session = try Terminal.run(["login", "-s", "registry.example", "-u", "me"], answers: [("Password: ", "\n")])
        #expect(session.exitCode == 2)
        #expect(session.echoRestored)
    }
}
