import Foundation

/// The docker CLI (client side only: `login` and `logout` need no engine), run against a throwaway
/// `DOCKER_CONFIG`. It finds a registry's CA in `$XDG_CONFIG_HOME/docker/certs.d/<host:port>/ca.crt` when it
/// believes it runs rootless (`ROOTLESSKIT_STATE_DIR` set), so the machine's /etc/docker is never touched; its
/// PATH holds docker alone, so it keeps credentials in config.json rather than a credential helper it finds.
struct DockerCLI {
    static var installed: Bool { Tools.installed("docker") }

    let home: TemporaryDirectory
    let configDirectory: String

    init(configDirectory: String) throws {
        home = try TemporaryDirectory()
        self.configDirectory = configDirectory
        try FileManager.default.createDirectory(atPath: home.file("bin"), withIntermediateDirectories: true)
        let docker =
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin").split(separator: ":")
            .map { "\($0)/docker" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? "/usr/local/bin/docker"
        try FileManager.default.createSymbolicLink(atPath: home.file("bin/docker"), withDestinationPath: docker)
    }

    /// Trusts `caFile` for `server` (`host:port`).
    func trust(_ caFile: String, for server: String) throws {
        let directory = home.file("xdg/docker/certs.d/\(server)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: caFile, toPath: directory + "/ca.crt")
    }

    /// - Parameter extra: added to docker's environment; its `PATH` comes after docker's own directory (a credential
    ///   helper docker is to use, with what it runs).
    func run(
        _ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]
    ) throws -> ProcessResult {
        var environment = [
            "PATH": home.file("bin"), "HOME": home.path, "DOCKER_CONFIG": configDirectory,
            "ROOTLESSKIT_STATE_DIR": home.file("rootlesskit"), "XDG_CONFIG_HOME": home.file("xdg")
        ]
        environment.merge(extra) { ours, theirs in ours == home.file("bin") ? ours + ":" + theirs : theirs }
        return try ProcessRunner.run(
            home.file("bin/docker"), arguments, stdin: stdin.map { Data($0.utf8) },
            environment: environment, timeout: 60)
    }
}
