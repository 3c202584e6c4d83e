import Foundation

/// Running `policy` where a registry's real name (`123456789012.dkr.ecr.eu-west-1.amazonaws.com`,
/// `registry-1.docker.io`, `ghcr.io`, …) resolves to a local fixture — without touching the machine's
/// /etc/hosts. `policy` runs in a private mount namespace (`unshare -m`, which makes mounts private) whose
/// /etc/hosts is a bind-mounted file of the test's own; everything outside that one process sees the real
/// file. Needs root (and `unshare`); `RealNames.available` says whether a test can run.
///
///     let registry = try NamedRegistry(.ecr, names: ["123456789012.dkr.ecr.eu-west-1.amazonaws.com"], credentials: …)
///     let result = try RealNames.run(["login", "-s", name, …, "--ca-file", registry.caFile], hosts: registry.hosts)
enum RealNames {
    /// Whether real-name tests can run here (root and unshare); under `CI=true` they run regardless, and fail.
    static var available: Bool {
        Tools.isCI || (getuid() == 0 && Tools.installed("unshare", "mount", "python3", "openssl"))
    }

    /// Runs the built `policy` with `arguments` where each name in `hosts` resolves to its address (IPv4).
    /// - Parameter hosts: name → address, e.g. `NamedRegistry.hosts`; several fixtures' maps may be merged.
    static func run(
        _ arguments: [String], hosts: [String: String], stdin: String? = nil,
        environment extra: [String: String] = [:], timeout: Double = 60
    ) throws -> ProcessResult {
        let directory = try TemporaryDirectory()
        let lines = ["127.0.0.1 localhost"] + hosts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        let hostsFile = try directory.write("hosts", lines.joined(separator: "\n") + "\n")
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        // $0 is the hosts file; "$@" is policy and its arguments (never a secret: those come on stdin).
        let script = #"mount --bind "$0" /etc/hosts && exec "$@""#
        return try ProcessRunner.run(
            "/usr/bin/unshare",
            [
                "-m", "--propagation", "private", "/bin/sh", "-c", script, hostsFile,
                Paths.policyBinary
            ] + arguments,
            stdin: stdin.map { Data($0.utf8) }, environment: environment, timeout: timeout)
    }
}

/// `Tests/Fixtures/named_registry.py`: a TLS registry on 127.0.0.N:443 (a private loopback address of its own)
/// whose certificate carries the given real names, answering as that registry does. Stopped on `stop()` or
/// release, and by itself when the test process is gone (its stdin pipe closes) or its lifetime ends.
final class NamedRegistry {
    enum Flavour: String {
        /// AWS ECR: Basic with `service="ecr.amazonaws.com"`, 401 `Not Authorized`, 403 for an expired token.
        case ecr
        /// Docker Hub: the API on registry-1.docker.io, tokens from auth.docker.io (JWTs with an access claim).
        case dockerhub
        /// GHCR: opaque tokens; `readonly` may pull, `password` may also push; probes answer as GHCR does.
        case ghcr
        /// ECR Public (public.ecr.aws): Bearer tokens from public.ecr.aws/token/ for the user AWS and `password`.
        case ecrpublic
    }

    /// What the ECR flavour answers (403) for an expired token.
    static let ecrExpiredMessage = "denied: Your authorization token has expired. Reauthenticate and try again."

    /// One request the fixture received: the Host it was sent to, the path, the Authorization scheme if any.
    struct Request: Decodable, Equatable {
        var host: String
        var path: String
        var method: String?
        var authorization: String?
    }

    let directory: TemporaryDirectory
    let names: [String]
    /// The loopback address it listens on (port 443).
    let address: String
    private let process: FixtureProcess

    var caFile: String { directory.file("ca.pem") }
    /// The map for `RealNames.run`: every name → this fixture's address.
    var hosts: [String: String] { Dictionary(uniqueKeysWithValues: names.map { ($0, address) }) }
    var marker: String { process.marker }

    /// - Parameters:
    ///   - credentials: what the flavour accepts, e.g. `["password": …, "expired": …]` for ECR; written to a
    ///     file, never passed on a command line.
    ///   - sandbox: run inside this network namespace (map the names there with `sandbox.map(hosts)`).
    init(_ flavour: Flavour, names: [String], credentials: [String: String], sandbox: NetworkSandbox? = nil) throws {
        directory = try TemporaryDirectory()
        self.names = names
        try directory.write(
            "credentials.json", String(decoding: try JSONSerialization.data(withJSONObject: credentials), as: UTF8.self)
        )
        let script = Paths.fixtures.appendingPathComponent("named_registry.py").path
        let command =
            (sandbox?.enter ?? []) + ["/usr/bin/env", "python3", script, directory.path, flavour.rawValue] + names
        process = try FixtureProcess(
            command[0], Array(command.dropFirst()), lifeline: true,
            stdout: directory.file("stdout.log"), stderr: directory.file("stderr.log"))
        address = try process.waitForFile(directory.file("address"), describing: "named_registry.py \(flavour)")
    }

    /// Every request so far; throws when none was ever logged (the log is written on the first request).
    func requests() throws -> [Request] {
        let text = try String(contentsOfFile: directory.file("requests.log"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    func stop() { process.stop() }

    deinit { stop() }
}
