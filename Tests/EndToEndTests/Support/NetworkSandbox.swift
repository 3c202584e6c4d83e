import Foundation

/// A private network and mount namespace for the AWS tests, so that no test can ever reach AWS's metadata
/// addresses (169.254.169.254, 169.254.170.2) or anything else off this machine: inside there is only the
/// loopback interface, brought up, and /etc/hosts is a file of the test's own (bind-mounted; the machine's
/// file is never touched). A holder process keeps the namespaces alive; fixtures and `policy` are started
/// inside it with `nsenter`. Needs root, `unshare`, `nsenter` and `ip`; `available` says whether it can run.
///
///     let sandbox = try NetworkSandbox()
///     let registry = try NamedRegistry(.ecr, names: [name], credentials: …, sandbox: sandbox)
///     try sandbox.map(registry.hosts)
///     let result = try sandbox.policy(["login", "-s", name, …], environment: ["AWS_ACCESS_KEY_ID": …])
final class NetworkSandbox {
    static var available: Bool {
        Tools.isCI || (getuid() == 0 && Tools.installed("unshare", "nsenter", "ip", "mount", "python3", "openssl"))
    }

    let directory: TemporaryDirectory
    /// The holder's pid: the namespaces to enter.
    let pid: String
    private let holder: FixtureProcess

    init() throws {
        directory = try TemporaryDirectory()
        let hostsFile = try directory.write("hosts", "127.0.0.1 localhost\n")
        try FileManager.default.createDirectory(atPath: directory.file("home"), withIntermediateDirectories: true)
        // $0 is the hosts file, $1 where the holder's pid goes; `cat` holds the namespaces until the lifeline closes.
        let script =
            #"ip link set lo up && mount --bind "$0" /etc/hosts && echo $$ > "$1.tmp" && mv "$1.tmp" "$1" && exec cat >/dev/null"#
        holder = try FixtureProcess(
            "/usr/bin/unshare",
            [
                "-n", "-m", "--propagation", "private", "/bin/sh", "-c", script, hostsFile,
                directory.file("pid")
            ],
            lifeline: true, stdout: directory.file("holder.log"), stderr: directory.file("holder.err"))
        pid = try holder.waitForFile(directory.file("pid"), describing: "the network sandbox")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The command prefix that runs a program inside the namespaces.
    var enter: [String] { ["/usr/bin/nsenter", "--target", pid, "--net", "--mount", "--"] }

    /// A home directory of its own (no ~/.aws of the machine's is ever read).
    var home: String { directory.file("home") }

    /// Makes each name resolve to its address inside (the file is rewritten in place: the bind mount stays).
    func map(_ hosts: [String: String]) throws {
        let lines = ["127.0.0.1 localhost"] + hosts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.file("hosts")))
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Runs the built `policy` inside, in an environment with no AWS variable of the test runner's, HOME set to
    /// `home`, and `environment` added.
    func policy(
        _ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:],
        timeout: Double = 60
    ) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = home
        environment.merge(extra) { $1 }
        return try ProcessRunner.run(
            enter[0], Array(enter.dropFirst()) + [Paths.policyBinary] + arguments,
            stdin: stdin.map { Data($0.utf8) }, environment: environment, timeout: timeout)
    }

    func stop() { holder.stop() }

    deinit { stop() }
}
