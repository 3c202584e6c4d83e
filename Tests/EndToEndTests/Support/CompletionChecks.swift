import Foundation
import Testing

/// What every shell's completion must do, checked through the shell's own machinery with the script the built
/// binary prints. Each shell's suite runs these with its rows; the expected commands and options come from
/// `policy help`, never from a list in the test.
enum CompletionChecks {
    /// The commands complete at the start, and after `--` each command's options exactly as its help lists them.
    static func optionsFollowHelp(_ shell: ShellUnderTest) throws {
        let config = try TemporaryDirectory()
        let sandbox = try CompletionSandbox(configDirectory: config.path)
        let script = try sandbox.script(for: shell)
        let commands = try HelpListing.commands()
        #expect(commands.count >= 5)
        #expect(try sandbox.complete("policy ", in: shell, script: script) == commands.sorted())
        for command in commands {
            let options = try HelpListing.longOptions(of: command)
            #expect(!options.isEmpty)
            #expect(
                try sandbox.complete("policy \(command) --", in: shell, script: script) == options.sorted(),
                "policy \(command) --")
        }
        // The issue's own example.
        #expect(
            try sandbox.complete("policy login --pas", in: shell, script: script) == ["--password", "--password-stdin"])
    }

    /// `-s`, `--server=` and the operands of logout and status complete the servers stored in config.json,
    /// as status names them (Docker Hub's keys are docker.io); `-c DIR` on the line is honoured; a key that
    /// would be shell code never reaches the shell.
    static func storedServers(_ shell: ShellUnderTest) throws {
        let config = try TemporaryDirectory()
        let other = try TemporaryDirectory()
        let marker = config.file("completion-ran-a-command")
        try config.write(
            "config.json",
            """
            {"auths": {"ghcr.io": {"auth": "dTpw"}, "https://index.docker.io/v1/": {"auth": "dTpw"},
                       "registry-1.docker.io": {"auth": "dTpw"}, "127.0.0.1:5000": {"auth": "dTpw"},
                       "$(touch \(marker))": {"auth": "dTpw"}, "`touch \(marker)`": {"auth": "dTpw"}}}
            """)
        try other.write("config.json", #"{"auths": {"quay.io": {"auth": "dTpw"}}}"#)
        let sandbox = try CompletionSandbox(configDirectory: config.path)
        let script = try sandbox.script(for: shell)
        let all = ["127.0.0.1:5000", "docker.io", "ghcr.io"]
        #expect(try sandbox.complete("policy logout -s gh", in: shell, script: script) == ["ghcr.io"])
        #expect(try sandbox.complete("policy logout -s ", in: shell, script: script) == all)
        #expect(try sandbox.complete("policy login -s d", in: shell, script: script) == ["docker.io"])
        #expect(try sandbox.complete("policy logout ", in: shell, script: script) == all)
        #expect(try sandbox.complete("policy status --verify ghcr.io ", in: shell, script: script) == all)
        // readline replaces only what follows the last = or : of the word, so bash is given that part.
        #expect(
            try sandbox.complete("policy logout --server=gh", in: shell, script: script)
                == [shell == .fish ? "--server=ghcr.io" : "ghcr.io"])
        #expect(
            try sandbox.complete("policy status 127.0.0.1:5", in: shell, script: script)
                == [shell.scriptName == "bash" ? "5000" : "127.0.0.1:5000"])
        #expect(try sandbox.complete("policy -c \(other.path) logout -s ", in: shell, script: script) == ["quay.io"])
        #expect(
            try sandbox.complete("policy logout --config=\(other.path) -s ", in: shell, script: script) == ["quay.io"])
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    /// Servers that only a credential helper holds are offered too, and completing asks the helper for its
    /// list only: no secret is read.
    static func helperHeldServers(_ shell: ShellUnderTest) throws {
        let helper = try ScriptedHelper()
        try FileManager.default.createDirectory(
            atPath: helper.directory.file("entries"), withIntermediateDirectories: true)
        let entry = #"{"ServerURL": "quay.io", "Username": "bob", "Secret": "never-read"}"#
        try helper.directory.write("entries/" + "quay.io".utf8.map { String(format: "%02x", $0) }.joined(), entry)
        let config = try TemporaryDirectory()
        try config.write("config.json", #"{"credsStore": "\#(helper.name)", "auths": {"ghcr.io": {}}}"#)
        let sandbox = try CompletionSandbox(configDirectory: config.path, path: [helper.directory.path])
        let script = try sandbox.script(for: shell)
        #expect(try sandbox.complete("policy logout -s ", in: shell, script: script) == ["ghcr.io", "quay.io"])
        #expect(try sandbox.complete("policy status q", in: shell, script: script) == ["quay.io"])
        #expect(!helper.verbs.isEmpty && helper.verbs.allSatisfy { $0 == "list" }, "\(helper.verbs)")
    }

    /// Nothing stored, or a config.json that is not JSON: nothing is offered and nothing is printed.
    static func nothingStored(_ shell: ShellUnderTest) throws {
        let config = try TemporaryDirectory()
        let sandbox = try CompletionSandbox(configDirectory: config.path)
        let script = try sandbox.script(for: shell)
        #expect(try sandbox.complete("policy logout -s ", in: shell, script: script) == [])
        try config.write("config.json", "{\"auths\": {\"ghcr.io\": ")
        #expect(try sandbox.complete("policy logout -s ", in: shell, script: script) == [])
    }

    /// The shells for `completion`, commands for `help`, actions after `--check-access REPO:`, file names for
    /// the PEM options, directories for `-c`, and nothing for free text such as a user name.
    static func operandsAndValues(_ shell: ShellUnderTest) throws {
        let config = try TemporaryDirectory()
        let files = try TemporaryDirectory()
        try files.write("ca.pem", "")
        try files.write("cert.pem", "")
        try FileManager.default.createDirectory(atPath: files.file("sub"), withIntermediateDirectories: true)
        let sandbox = try CompletionSandbox(configDirectory: config.path)
        let script = try sandbox.script(for: shell)
        #expect(try sandbox.complete("policy completion ", in: shell, script: script) == ["bash", "fish", "zsh"])
        #expect(
            try sandbox.complete("policy help lo", in: shell, script: script)
                == HelpListing.commands().filter { $0.hasPrefix("lo") }.sorted())
        let actions = ["pull", "pull,push", "push"]
        #expect(
            try sandbox.complete("policy login --check-access org/policy:", in: shell, script: script)
                == (shell == .fish ? actions.map { "org/policy:" + $0 } : actions))
        #expect(
            try sandbox.complete("policy login --check-access org/policy:pu", in: shell, script: script)
                == (shell == .fish ? actions.map { "org/policy:" + $0 } : actions))
        // zsh hands compadd the names without their directory (it is a prefix of its own); fish marks directories.
        let pems = ["ca.pem", "cert.pem"]
        #expect(
            try sandbox.complete("policy login --ca-file \(files.path)/c", in: shell, script: script)
                == (shell == .zsh ? pems : pems.map { files.path + "/" + $0 }))
        #expect(
            try sandbox.complete("policy status --key-file \(files.path)/c", in: shell, script: script)
                == (shell == .zsh ? pems : pems.map { files.path + "/" + $0 }))
        #expect(
            try sandbox.complete("policy -c \(files.path)/", in: shell, script: script)
                == [shell == .zsh ? "sub" : shell == .fish ? files.path + "/sub/" : files.path + "/sub"])
        #expect(try sandbox.complete("policy login -u ", in: shell, script: script) == [])
    }
}
