import Foundation

/// `Tests/Fixtures/credential_helper.sh` linked as `docker-credential-<name>` into a fresh directory that goes
/// first on PATH; it records every call (verb, argv, stdin, environment) in that directory.
final class ScriptedHelper {
    let name: String
    let directory: TemporaryDirectory

    init(name: String = "scripted", mode: String = "") throws {
        self.name = name
        directory = try TemporaryDirectory()
        let script = Paths.fixtures.appendingPathComponent("credential_helper.sh").path
        try FileManager.default.createSymbolicLink(atPath: directory.file("docker-credential-\(name)"), withDestinationPath: script)
        try directory.write("mode", mode)
    }

    /// The environment a `policy` run needs to find this helper first.
    var environment: [String: String] {
        ["PATH": directory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    func setMode(_ mode: String) throws { try directory.write("mode", mode) }

    /// The verbs it was called with, in order.
    var verbs: [String] { lines("verbs") }
    var argv: [String] { lines("argv") }
    func stdin(_ verb: String) -> String { text("stdin.\(verb)") }
    func environment(_ verb: String) -> String { text("env.\(verb)") }

    private func text(_ name: String) -> String {
        (try? String(contentsOfFile: directory.file(name), encoding: .utf8)) ?? ""
    }

    private func lines(_ name: String) -> [String] {
        text(name).split(separator: "\n").map(String.init)
    }
}
