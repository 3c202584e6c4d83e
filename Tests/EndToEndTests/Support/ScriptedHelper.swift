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
        try FileManager.default.createSymbolicLink(
            atPath: directory.file("docker-credential-\(name)"), withDestinationPath: script)
        try directory.write("mode", mode)
    }

    /// The environment a `policy` run needs to find this helper first.
    var environment: [String: String] {
        ["PATH": directory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    func setMode(_ mode: String) throws { try directory.write("mode", mode) }

    /// The environment a `policy` run needs to find all of `helpers` first.
    static func environment(_ helpers: [ScriptedHelper]) -> [String: String] {
        [
            "PATH": (helpers.map(\.directory.path) + [ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
                .joined(separator: ":")
        ]
    }

    /// Puts a login into the helper's keychain as another tool would (docker's login, with the same helper).
    func seed(_ server: String, username: String, secret: String) throws {
        try FileManager.default.createDirectory(atPath: directory.file("entries"), withIntermediateDirectories: true)
        let name = server.utf8.map { String(format: "%02x", $0) }.joined()
        try directory.write(
            "entries/\(name)", #"{"ServerURL": "\#(server)", "Username": "\#(username)", "Secret": "\#(secret)"}"#)
    }

    /// The servers its keychain holds.
    var held: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.file("entries"))) ?? []
        return names.map { hex in
            String(
                decoding: stride(from: 0, to: hex.count, by: 2).compactMap { offset -> UInt8? in
                    let start = hex.index(hex.startIndex, offsetBy: offset)
                    return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)
                }, as: UTF8.self)
        }.sorted()
    }

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
