import Foundation
import Testing

/// `make install DESTDIR=… [PREFIX=…]` lays out the binary, the man page and the completions where each shell
/// and man look, each file what the installed binary itself generates; `make uninstall` removes them. The
/// binary under test is passed as POLICY_BINARY, so no release build is needed here.
@Suite(.enabled(if: Tools.available("make", "install"), "make is not installed (with CI=true it must be)"))
struct InstallTests {
    static let layout: [(path: String, mode: Int)] = [
        ("bin/policy", 0o755),
        ("share/bash-completion/completions/policy", 0o644),
        ("share/fish/vendor_completions.d/policy.fish", 0o644),
        ("share/man/man1/policy.1", 0o644),
        ("share/zsh/site-functions/_policy", 0o644)
    ]

    @Test(arguments: [nil, "/opt/policy"])
    func installAndUninstall(prefix: String?) throws {
        let destination = try TemporaryDirectory()
        let variables =
            ["DESTDIR=" + destination.path, "POLICY_BINARY=" + Paths.policyBinary]
            + (prefix.map { ["PREFIX=" + $0] } ?? [])
        let install = try make(["install"] + variables)
        #expect(install.exitCode == 0, "\(install.stderr)")
        let prefixPath = prefix ?? "/usr/local"
        let root = destination.path + prefixPath

        let expected = Self.layout.map { "\(prefixPath.dropFirst())/\($0.path) \(String($0.mode, radix: 8))" }
        #expect(try Self.files(under: destination.path).map { "\($0.path) \(String($0.mode, radix: 8))" } == expected)
        #expect(FileManager.default.contentsEqual(atPath: root + "/bin/policy", andPath: Paths.policyBinary))
        #expect(try read(root + "/share/man/man1/policy.1") == PolicyBinary.run(["__man"]).stdout)
        for (shell, path) in [
            ("bash", "share/bash-completion/completions/policy"), ("zsh", "share/zsh/site-functions/_policy"),
            ("fish", "share/fish/vendor_completions.d/policy.fish")
        ] {
            #expect(try read(root + "/" + path) == PolicyBinary.run(["completion", shell]).stdout, "\(shell)")
        }
        try lookedUpWhereInstalled(root)

        let uninstall = try make(["uninstall"] + variables)
        #expect(uninstall.exitCode == 0, "\(uninstall.stderr)")
        #expect(try Self.files(under: destination.path).isEmpty)
    }

    /// man, bash-completion's loader, fish and zsh's fpath find what was installed, with the installed binary
    /// first on PATH, and it completes.
    private func lookedUpWhereInstalled(_ root: String) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["MANPATH"] = root + "/share/man"
        let man = try ProcessRunner.run("/usr/bin/env", ["man", "-w", "policy"], environment: environment, timeout: 20)
        #expect(man.stdout == root + "/share/man/man1/policy.1\n", "\(man.stderr)")

        let config = try TemporaryDirectory()
        let sandbox = try CompletionSandbox(configDirectory: config.path, path: [root + "/bin"])
        sandbox.environment["PATH"] = root + "/bin:" + (sandbox.environment["PATH"] ?? "")
        sandbox.environment["XDG_DATA_DIRS"] = root + "/share"
        for shell in [ShellUnderTest.bash, .fish] where ShellUnderTest.available(shell) {
            #expect(
                try sandbox.complete("policy login --pas", in: shell, script: nil) == [
                    "--password", "--password-stdin"
                ], "\(shell)")
        }
        if ShellUnderTest.available(.zsh) {
            #expect(
                try sandbox.complete("policy login --pas", in: .zsh, script: root + "/share/zsh/site-functions")
                    == ["--password", "--password-stdin"])
        }
    }

    private func make(_ arguments: [String]) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        // A make running these tests (make test) must not hand its jobserver to this one.
        for name in ["MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "PREFIX", "DESTDIR", "POLICY_BINARY"] {
            environment[name] = nil
        }
        return try ProcessRunner.run(
            "/usr/bin/env", ["make", "--no-print-directory", "-C", Paths.root.path] + arguments,
            environment: environment, timeout: 120)
    }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Every regular file under `directory`, relative to it, with its permission bits, sorted by path.
    static func files(under directory: String) throws -> [(path: String, mode: Int)] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var found: [(String, Int)] = []
        while let relative = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + relative)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            found.append((relative, (attributes[.posixPermissions] as? Int) ?? 0))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}
