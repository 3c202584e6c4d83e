import Foundation
import Testing

/// Secrets are bytes end to end (issue 18): a password that is not UTF-8 is sent and stored exactly as given —
/// with `-p` and `--password-stdin` alike — and such an entry another tool wrote is re-verified byte for byte; a
/// NUL is refused with one sentence; a helper, whose protocol carries text, is not handed bytes it would change.
/// Before, the bytes were sent with U+FFFD in their place, and a NUL silently cut the password.
@Suite(.enabled(if: Tools.available("python3")))
struct SecretBytesTests {
    static let user = "bytes-user"
    /// `p`, two bytes that are not UTF-8, `q`: what docker sends as is.
    static let password: [UInt8] = [0x70, 0xFF, 0xFE, 0x71]
    static var storedAuth: String { Data(Array("\(user):".utf8) + password).base64EncodedString() }

    @Test func aPasswordGivenWithMinusPIsSentAndStoredExactly() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, passwordBytes: Self.password)
        let server = registries.servers[0]
        let home = try TemporaryDirectory()
        let arguments = [
            Array("login".utf8), Array("-s".utf8), Array(server.utf8), Array("-u".utf8), Array(Self.user.utf8),
            Array("-p".utf8), Self.password, Array("--plaintext".utf8), Array("-c".utf8), Array(home.path.utf8)
        ]
        let result = try PolicyBinary.run(rawArguments: arguments)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try ConfigJSON(home.read("config.json")).auth(server) == Self.storedAuth)
    }

    @Test(arguments: [true, false])
    func aPipedPasswordIsSentAndStoredExactly(_ inline: Bool) throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, passwordBytes: Self.password)
        let server = registries.servers[0]
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            rawArguments: ["login", "-s", server, "-u", Self.user, "--password-stdin", "--plaintext", "-c", home.path]
                .map { Array($0.utf8) }, stdin: Data(Self.password + (inline ? [] : [0x0A])))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try ConfigJSON(home.read("config.json")).auth(server) == Self.storedAuth)
    }

    /// docker wrote the entry; `status --verify` and a re-verifying `login` send its bytes as they are.
    @Test func anEntryAnotherToolWroteIsReverifiedByteForByte() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, passwordBytes: Self.password)
        let server = registries.servers[0]
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"auths": {"\#(server)": {"auth": "\#(Self.storedAuth)"}}}"#)
        let status = try PolicyBinary.run(["status", "--verify", "--plaintext", "-c", home.path])
        #expect(status.exitCode == 0, "\(status.stdout)\(status.stderr)")
        #expect(status.stdout.contains(" ok"), "\(status.stdout)")
        let login = try PolicyBinary.run(["login", "-s", server, "--plaintext", "-c", home.path])
        #expect(login.exitCode == 0, "\(login.stderr)")
        let logout = try PolicyBinary.run(["logout", "--all", "-c", home.path])
        #expect(logout.stdout == "Removing login credentials for \(server)\n")
    }

    @Test(arguments: [[0x61, 0x00, 0x62], [0x00, 0x0A]] as [[UInt8]])
    func aNULIsRefusedNeverCut(_ secret: [UInt8]) throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: "a")
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            rawArguments: [
                "login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext",
                "-c", home.path
            ].map { Array($0.utf8) }, stdin: Data(secret))
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("NUL byte"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    /// The helper protocol is JSON text: docker-credential-pass would keep U+FFFD instead of the bytes. Nothing is
    /// sent to the registry or the helper.
    @Test func aHelperIsNotHandedBytesItWouldChange() throws {
        let helper = try ScriptedHelper()
        let home = try TemporaryDirectory()
        try home.write("config.json", #"{"credsStore": "scripted"}"#)
        let result = try PolicyBinary.run(
            rawArguments: [
                "login", "-s", "127.0.0.1:1", "-u", Self.user, "--password-stdin", "--plaintext",
                "-c", home.path
            ].map { Array($0.utf8) },
            stdin: Data(Self.password), environment: helper.environment)
        #expect(result.exitCode == 5, "\(result.stderr)")
        #expect(
            result.stderr.contains("not UTF-8") && result.stderr.contains("docker-credential-scripted"),
            "\(result.stderr)")
        #expect(helper.verbs.isEmpty)
        #expect(try home.read("config.json") == Data(#"{"credsStore": "scripted"}"#.utf8))
    }

    /// A stored password `pass` that the registry refuses: the hint still reads `--password-stdin` (redaction of the
    /// whole line once made it `--[redacted]word-stdin`). Our sentences hold no secret and are printed exactly.
    @Test func ourHintsAreExactWithADictionaryWordPassword() throws {
        let registries = try BasicRegistries(count: 1, user: "docker", password: "the-new-one")
        let server = registries.servers[0]
        let home = try TemporaryDirectory()
        try home.write(
            "config.json", #"{"auths": {"\#(server)": {"auth": "\#(Data("docker:pass".utf8).base64EncodedString())"}}}"#
        )
        let result = try PolicyBinary.run(["login", "-s", server, "--plaintext", "-c", home.path])
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("'policy login -s \(server) -u USER --password-stdin'"), "\(result.stderr)")
        #expect(result.stderr.contains("(user docker)"), "\(result.stderr)")
        #expect(!result.stderr.contains("[redacted]"), "\(result.stderr)")
    }
}

/// A config.json linked to something that is not a regular file is refused and never written (issue 18): before,
/// the link's target — as root, /dev/null itself — was replaced by a regular file holding the secret, with the
/// device's mode 0666.
@Suite(.enabled(if: Tools.available("python3")))
struct NonRegularConfigTests {
    /// A character device (the null device's numbers) when running as root, else a FIFO: either is not a file.
    static func makeNode(at path: String) -> String {
        if getuid() == 0, mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 {
            chmod(path, 0o666)
            return "character device"
        }
        _ = mkfifo(path, 0o666)
        return "FIFO"
    }

    @Test(arguments: [
        ["login", "-s", "{server}", "-u", "demo", "--password-stdin", "--plaintext"], ["status"], ["logout", "--all"]
    ])
    func aLinkToADeviceIsRefusedAndNothingIsWritten(_ command: [String]) throws {
        let registries = try BasicRegistries(count: 1, user: "demo", password: "device-secret-1")
        let home = try TemporaryDirectory()
        let kind = Self.makeNode(at: home.file("node"))
        try FileManager.default.createSymbolicLink(
            atPath: home.file("config.json"), withDestinationPath: home.file("node"))
        let arguments = command.map { $0 == "{server}" ? registries.servers[0] : $0 } + ["-c", home.path]
        let result = try PolicyBinary.run(arguments, stdin: "device-secret-1\n", timeout: 20)
        #expect(result.exitCode == 5, "\(kind): \(result.stdout)\(result.stderr)")
        #expect(
            result.stderr.contains("config.json") && result.stderr.contains("not a regular file"), "\(result.stderr)")
        var status = stat()
        #expect(lstat(home.file("node"), &status) == 0)
        #expect((status.st_mode & S_IFMT) != S_IFREG, "the \(kind) was replaced by a file")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: home.file("config.json")) == home.file("node"))
        let names = try FileManager.default.contentsOfDirectory(atPath: home.path).sorted()
        #expect(names == ["config.json", "node"] || names == ["config.json", "config.json.lock", "node"], "\(names)")
    }
}
