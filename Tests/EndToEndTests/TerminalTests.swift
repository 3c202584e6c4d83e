import Foundation
import Testing

/// Prompts on a pseudo-terminal: username with echo, password without, terminal restored on every exit.
@Suite(.enabled(if: Tools.available("docker-registry", "curl", "htpasswd", "python3")))
struct TerminalTests {
    static let user = "demo"
    static let password = "typed-secret-42"

    @Test func promptsForUsernameAndPasswordWithoutEchoingIt() throws {
        let registry = try RegistryFixture(.basic, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let session = try Terminal.run(
            ["login", "-s", registry.server, "--ca-file", registry.caFile, "-c", home.path],
            answers: [("Username: ", Self.user + "\n"), ("Password: ", Self.password + "\n")])
        #expect(session.exitCode == 0, "\(session.output)")
        #expect(session.unanswered.isEmpty)
        #expect(session.echoAtAnswers == [true, false], "echo on for the username, off for the password")
        #expect(session.output.contains("Username: demo"))
        #expect(session.output.contains("Login Succeeded"))
        #expect(!session.output.contains(Self.password))
        #expect(session.echoRestored)
        #expect(try ConfigJSON(home.read("config.json")).auth(registry.server) != nil)
    }

    @Test func ctrlCAtThePasswordPromptRestoresTheTerminal() throws {
        let home = try TemporaryDirectory()
        // "half" is typed and the terminal's output read before Ctrl-C comes: ^C flushes queued output, so an
        // echo must be read first or its absence would prove nothing.
        let session = try Terminal.run(
            ["login", "-s", "registry.example", "-u", "me", "-c", home.path],
            answers: [("Password: ", "half"), ("Password: ", "\u{03}")])
        #expect(session.unanswered.isEmpty)
        #expect(session.exitCode == -Int(SIGINT), "\(session.output)")
        #expect(session.echoAtAnswers == [false, false], "echo was off while the password was typed")
        #expect(session.echoRestored)
        #expect(!session.output.contains("half"), "\(session.output)")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    @Test func anEmptyTypedPasswordIsAUsageError() throws {
        let session = try Terminal.run(["login", "-s", "registry.example", "-u", "me"], answers: [("Password: ", "\n")])
        #expect(session.exitCode == 2)
        #expect(session.echoRestored)
    }
}
