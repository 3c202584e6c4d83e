import Foundation
import Testing

/// `policy completion bash` in bash, with bash-completion loaded and without it.
@Suite(
    .enabled(if: ShellUnderTest.available(.bash), "bash or bash-completion is not installed (with CI=true it must be)"))
struct BashCompletionTests {
    static let shells: [ShellUnderTest] = [.bash, .bashWithoutBashCompletion]

    @Test(arguments: shells) func optionsFollowHelp(_ shell: ShellUnderTest) throws {
        try CompletionChecks.optionsFollowHelp(shell)
    }
    @Test(arguments: shells) func storedServers(_ shell: ShellUnderTest) throws {
        try CompletionChecks.storedServers(shell)
    }
    @Test(arguments: shells) func helperHeldServers(_ shell: ShellUnderTest) throws {
        try CompletionChecks.helperHeldServers(shell)
    }
    @Test(arguments: shells) func nothingStored(_ shell: ShellUnderTest) throws {
        try CompletionChecks.nothingStored(shell)
    }
    @Test(arguments: shells) func operandsAndValues(_ shell: ShellUnderTest) throws {
        try CompletionChecks.operandsAndValues(shell)
    }
}

/// `policy completion zsh` loaded by compinit from fpath, completing in an interactive zsh under zsh/zpty.
@Suite(.enabled(if: ShellUnderTest.available(.zsh), "zsh is not installed (with CI=true it must be)"))
struct ZshCompletionTests {
    @Test func optionsFollowHelp() throws { try CompletionChecks.optionsFollowHelp(.zsh) }
    @Test func storedServers() throws { try CompletionChecks.storedServers(.zsh) }
    @Test func helperHeldServers() throws { try CompletionChecks.helperHeldServers(.zsh) }
    @Test func nothingStored() throws { try CompletionChecks.nothingStored(.zsh) }
    @Test func operandsAndValues() throws { try CompletionChecks.operandsAndValues(.zsh) }
}

/// `policy completion fish`, asked with `complete -C`.
@Suite(.enabled(if: ShellUnderTest.available(.fish), "fish is not installed (with CI=true it must be)"))
struct FishCompletionTests {
    @Test func optionsFollowHelp() throws { try CompletionChecks.optionsFollowHelp(.fish) }
    @Test func storedServers() throws { try CompletionChecks.storedServers(.fish) }
    @Test func helperHeldServers() throws { try CompletionChecks.helperHeldServers(.fish) }
    @Test func nothingStored() throws { try CompletionChecks.nothingStored(.fish) }
    @Test func operandsAndValues() throws { try CompletionChecks.operandsAndValues(.fish) }
}

/// `policy completion` itself, and the hidden `policy __servers` the scripts read stored servers through.
struct CompletionCommandTests {
    @Test(arguments: [[], ["tcsh"], ["bash", "zsh"]])
    func aMissingOrUnknownShellIsAUsageError(_ operands: [String]) throws {
        let result = try PolicyBinary.run(["completion"] + operands, timeout: 10)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func helpSaysHowToInstallEachScript() throws {
        let result = try PolicyBinary.run(["help", "completion"], timeout: 10)
        #expect(result.exitCode == 0)
        for shell in ["bash", "zsh", "fish"] {
            #expect(result.stdout.contains("policy completion \(shell) > "), "\(shell)")
        }
    }

    @Test func hiddenCommandsAreNotListed() throws {
        let help = try PolicyBinary.run(["help"], timeout: 10).stdout
        #expect(!help.contains("__"))
        let script = try PolicyBinary.run(["completion", "bash"], timeout: 10).stdout
        #expect(!script.contains("__man"))
    }

    /// A config.json that is not a JSON object prints nothing, on either stream, and exits 0; one whose helper
    /// settings are broken still lists its `auths` keys.
    @Test(arguments: [
        ("{\"auths\": ", ""), ("[]", ""), ("{\"auths\": {\"a.example\": {}}, \"credHelpers\": 7}", "a.example\n"),
        ("{\"auths\": {\"a.example\": {}}, \"credsStore\": \"x\", \"credStore\": \"y\"}", "a.example\n")
    ])
    func serversOfABrokenConfigAreSilent(_ text: String, listed: String) throws {
        let config = try TemporaryDirectory()
        try config.write("config.json", text)
        let result = try PolicyBinary.run(["__servers", "-c", config.path], timeout: 10)
        #expect(result.exitCode == 0)
        #expect(result.stdout == listed)
        #expect(result.stderr.isEmpty)
    }

    /// A helper that is missing or never answers: config.json's servers are still listed, silently, and a hung
    /// helper is given up on after a few seconds with nothing of it left running.
    @Test(arguments: ["", "hang", "fail-at-once"])
    func aHelperThatFailsOrHangsIsPassedOver(_ mode: String) throws {
        let helper = try ScriptedHelper(mode: mode)
        let config = try TemporaryDirectory()
        try config.write(
            "config.json",
            #"{"credsStore": "\#(mode.isEmpty ? "not-installed" : helper.name)", "auths": {"ghcr.io": {}}}"#)
        let started = Date()
        let result = try PolicyBinary.run(
            ["__servers", "-c", config.path], environment: helper.environment, timeout: 30)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.exitCode == 0)
        #expect(result.stdout == "ghcr.io\n")
        #expect(result.stderr.isEmpty)
        if mode == "hang" {
            let child = Int32(
                (try? String(contentsOfFile: helper.directory.file("child.pid"), encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
            #expect(child != nil, "the helper started its background child")
            if let child { #expect(processEnded(child, within: 5), "the hung helper's child outlived the bound") }
        }
    }
}
