import Foundation
import Testing

/// A place to complete command lines in: its own HOME and XDG directories, `policy` (a link to the binary
/// under test) first on PATH, and `POLICY_CONFIG_DIR` naming the config the test prepared.
final class CompletionSandbox {
    let home: TemporaryDirectory
    var environment: [String: String]

    /// - Parameters:
    ///   - configDirectory: what `POLICY_CONFIG_DIR` names, where the stored servers are read.
    ///   - path: directories to put on PATH after `policy`'s (e.g. a scripted credential helper's).
    init(configDirectory: String, path: [String] = []) throws {
        home = try TemporaryDirectory()
        let bin = home.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/policy", withDestinationPath: Paths.policyBinary)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = ([bin] + path + [environment["PATH"] ?? "/usr/bin:/bin"]).joined(separator: ":")
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.file("config")
        environment["XDG_DATA_HOME"] = home.file("data")
        environment["XDG_CACHE_HOME"] = home.file("cache")
        environment["BASH_COMPLETION_USER_DIR"] = home.file("bash-completion")
        environment["POLICY_CONFIG_DIR"] = configDirectory
        self.environment = environment
    }

    /// Saves what `policy completion SHELL` prints: returns the file for bash and fish, for zsh the directory
    /// holding `_policy` (what goes on fpath).
    func script(for shell: ShellUnderTest) throws -> String {
        let result = try PolicyBinary.run(["completion", shell.scriptName], timeout: 20)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        if shell == .zsh {
            let directory = home.file("zsh-functions")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: directory + "/_policy"))
            return directory
        }
        return try home.write("policy.\(shell.scriptName)", result.stdout)
    }

    /// The candidates the shell offers for `line`, the cursor at its end: each once, sorted.
    /// - Parameter script: what `script(for:)` returned; nil lets bash and fish find an installed script
    ///   themselves (XDG_DATA_DIRS in `environment`).
    func complete(_ line: String, in shell: ShellUnderTest, script: String?) throws -> [String] {
        var environment = environment
        let output: String
        switch shell {
        case .bash, .bashWithoutBashCompletion:
            environment["BASH_COMPLETION"] = shell == .bash ? ShellUnderTest.bashCompletion : nil
            let driver = Paths.fixtures.appendingPathComponent("complete_bash.sh").path
            output = try run(["bash", "--norc", "--noprofile", driver, line] + (script.map { [$0] } ?? []), environment)
        case .zsh:
            let driver = Paths.fixtures.appendingPathComponent("complete_zsh.zsh").path
            let recorded = home.file("zsh-candidates-\(UUID().uuidString)")
            _ = try run(["zsh", "-f", driver, script ?? "", recorded, line], environment)
            output = (try? String(contentsOfFile: recorded, encoding: .utf8)) ?? ""
        case .fish:
            // Without a script, fish must read its own configuration, which puts the vendor directories of
            // XDG_DATA_DIRS on its completion path (the sandbox's user configuration is empty).
            let arguments =
                script.map { ["--no-config", "-c", "source $argv[2]; and complete -C $argv[1]", line, $0] }
                ?? ["-c", "complete -C $argv[1]", line]
            output = try run(["fish"] + arguments, environment)
        }
        // fish prints "candidate<TAB>description".
        let candidates = output.split(separator: "\n").compactMap {
            $0.split(separator: "\t", maxSplits: 1).first.map(String.init)
        }
        return Array(Set(candidates)).sorted()
    }

    private func run(_ arguments: [String], _ environment: [String: String]) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/env", arguments, environment: environment, timeout: 60)
        #expect(result.exitCode == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }
}
