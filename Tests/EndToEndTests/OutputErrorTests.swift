import Foundation
import Testing

/// Output that cannot be written is an error, as in coreutils: a full disk or a closed stdout ends `policy`
/// with exit 1 and one sentence on stderr; a pipe whose reader went away ends it quietly, as SIGPIPE would.
@Suite(.enabled(if: Tools.available("python3")))
struct OutputErrorTests {
    static let user = "demo"
    static let password = "output secret 42"

    /// Runs `policy ARGUMENTS` with its stdout (and stderr) redirected by the shell as `redirection` says.
    func run(
        _ arguments: [String], _ redirection: String, environment: [String: String] = [:], stdin: String? = nil
    ) throws -> ProcessResult {
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        return try ProcessRunner.run(
            "/bin/sh", ["-c", "exec \"$0\" \"$@\" \(redirection)", Paths.policyBinary] + arguments,
            stdin: stdin.map { Data($0.utf8) }, environment: merged)
    }

    /// A config with one login in the file, for `status`.
    func homeWithOneLogin() throws -> TemporaryDirectory {
        let home = try TemporaryDirectory()
        let auth = Data("\(Self.user):\(Self.password)".utf8).base64EncodedString()
        try home.write("config.json", #"{"auths": {"registry.example:5000": {"auth": "\#(auth)"}}}"#)
        return home
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var redirection: String
        var says: String
        var testDescription: String { (arguments + [redirection]).joined(separator: " ") }
    }

    static let rows: [Row] = [
        Row(
            arguments: ["version"], redirection: ">/dev/full",
            says: "Cannot write to standard output: No space left on device"),
        Row(
            arguments: ["--help"], redirection: ">/dev/full",
            says: "Cannot write to standard output: No space left on device"),
        Row(
            arguments: ["status", "--json"], redirection: ">/dev/full",
            says: "Cannot write to standard output: No space left on device"),
        Row(
            arguments: ["status"], redirection: ">/dev/full",
            says: "Cannot write to standard output: No space left on device"),
        Row(
            arguments: ["status", "--json"], redirection: ">&-",
            says: "Cannot write to standard output: Bad file descriptor"),
        Row(arguments: ["version"], redirection: ">&-", says: "Cannot write to standard output: Bad file descriptor")
    ]

    @Test(arguments: rows)
    func aFailedWriteToStdoutIsExit1WithOneSentence(_ row: Row) throws {
        let home = try homeWithOneLogin()
        let result = try run(row.arguments + ["-c", home.path], row.redirection)
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stderr == "Error: \(row.says); the output is lost.\n")
    }

    /// The reader of stdout went away before policy wrote (`policy status --json | head -0`).
    @Test(arguments: [["version"], ["status", "--json"]])
    func aClosedPipeEndsPolicyQuietlyAsSIGPIPEWould(_ arguments: [String]) throws {
        let home = try homeWithOneLogin()
        let script = """
            import os, subprocess, sys
            read, write = os.pipe()
            os.close(read)
            run = subprocess.run(sys.argv[1:], stdout=write, stderr=subprocess.PIPE)
            sys.stderr.write(run.stderr.decode())
            sys.exit(run.returncode if run.returncode >= 0 else 128 - run.returncode)
            """
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["python3", "-c", script, Paths.policyBinary] + arguments + ["-c", home.path])
        #expect(result.exitCode == 128 + SIGPIPE, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    /// A login whose stdout is closed still logs in (the line is lost, not the credentials), and says so.
    @Test func aLoginWithAClosedStdoutStoresAndExits1() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try run(
            ["login", "-s", registries.servers[0], "-u", Self.user, "--password-stdin", "--plaintext", "-c", home.path],
            ">&-", stdin: Self.password)
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stderr == "Error: Cannot write to standard output: Bad file descriptor; the output is lost.\n")
        #expect(try ConfigJSON(home.read("config.json")).auth(registries.servers[0]) != nil)
    }

    /// stderr itself cannot be written: nothing can be said, but the exit is not 0.
    @Test func aFailedWriteToStderrIsANonZeroExit() throws {
        let registries = try BasicRegistries(count: 1, user: Self.user, password: Self.password)
        let home = try TemporaryDirectory()
        let result = try run(
            [
                "login", "-s", registries.servers[0], "-u", Self.user, "-p", Self.password, "--plaintext", "-c",
                home.path
            ],
            "2>/dev/full")
        #expect(result.exitCode == 1)
        #expect(result.stdout == "Login Succeeded\n")
    }
}
