import Foundation
import Testing

/// Docker Hub through a TLS imitation under its real names (registry-1.docker.io, auth.docker.io,
/// index.docker.io, docker.io), resolved in a private mount namespace: every spelling is verified at
/// registry-1.docker.io and stored under exactly docker's `https://index.docker.io/v1/` and the API host
/// `registry-1.docker.io`, replacing the aliases older versions wrote; the docker CLI finds and removes it.
@Suite(.enabled(if: RealNames.available))
struct DockerHubTests {
    static let names = ["registry-1.docker.io", "auth.docker.io", "index.docker.io", "docker.io"]
    static let keys = ["https://index.docker.io/v1/", "registry-1.docker.io"]

    static func hub() throws -> NamedRegistry {
        try NamedRegistry(.dockerhub, names: names, credentials: ["user": "demo", "password": "pw-hub"])
    }

    static func auths(_ home: TemporaryDirectory) throws -> [String: Any] {
        try ConfigJSON(home.read("config.json")).root["auths"] as? [String: Any] ?? [:]
    }

    @Test func everySpellingIsStoredUnderTheTwoKeysItsReadersUse() throws {
        let hub = try Self.hub()
        let home = try TemporaryDirectory()
        let old = Data("demo:old".utf8).base64EncodedString()
        try home.write(
            "config.json",
            #"{"auths": {"docker.io": {"auth": "\#(old)"}, "index.docker.io": {"auth": "\#(old)"}, "ghcr.io": {"auth": "\#(old)"}}, "psFormat": "x"}"#
        )
        for spelling in ["docker.io", "registry-1.docker.io", "https://index.docker.io/v1/", "index.docker.io"] {
            let result = try RealNames.run(
                [
                    "login", "-s", spelling, "-u", "demo", "--password-stdin", "--ca-file", hub.caFile,
                    "-c", home.path
                ], hosts: hub.hosts, stdin: "pw-hub\n")
            #expect(result.exitCode == 0, "\(spelling): \(result.stderr)")
            let auths = try Self.auths(home)
            #expect(auths.keys.sorted() == ["ghcr.io"] + Self.keys, "\(spelling): \(auths.keys.sorted())")
            for key in Self.keys {
                #expect(
                    (auths[key] as? [String: Any])?["auth"] as? String == Data("demo:pw-hub".utf8).base64EncodedString()
                )
            }
        }
        let requests = try hub.requests()
        #expect(Set(requests.map(\.host)) == ["registry-1.docker.io", "auth.docker.io"], "\(requests)")
        #expect(try ConfigJSON(home.read("config.json")).root["psFormat"] as? String == "x")
        // Stored Hub credentials are found under any spelling, and re-verified.
        let again = try RealNames.run(
            ["login", "-s", "docker.io", "--ca-file", hub.caFile, "-c", home.path], hosts: hub.hosts)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stderr.contains("Authenticating with existing credentials (user demo)"))
    }

    /// The docker CLI finds Docker Hub only under `https://index.docker.io/v1/`: `docker logout` removes that
    /// entry; `policy logout` under any spelling removes the rest.
    @Test(.enabled(if: DockerCLI.installed))
    func theDockerCLIFindsAndRemovesTheEntry() throws {
        let hub = try Self.hub()
        let home = try TemporaryDirectory()
        let login = try RealNames.run(
            [
                "login", "-s", "registry-1.docker.io", "-u", "demo", "--password-stdin", "--ca-file", hub.caFile,
                "-c", home.path
            ], hosts: hub.hosts, stdin: "pw-hub")
        #expect(login.exitCode == 0, "\(login.stderr)")
        let docker = try DockerCLI(configDirectory: home.path)
        let dockerLogout = try docker.run(["logout"])
        #expect(dockerLogout.exitCode == 0, "\(dockerLogout.stderr)")
        #expect(
            dockerLogout.stdout.contains("Removing login credentials for https://index.docker.io/v1/"),
            "\(dockerLogout.stdout)")
        #expect(try Self.auths(home).keys.sorted() == ["registry-1.docker.io"])
        let logout = try PolicyBinary.run(["logout", "-s", "index.docker.io", "-c", home.path])
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        #expect(logout.stdout == "Removing login credentials for docker.io\n", "\(logout.stdout)")
        #expect(try Self.auths(home).isEmpty)
    }

    /// With a credential helper, the same two ServerURLs go to the helper and config.json keeps empty entries.
    @Test func aHelperGetsTheSameTwoServerURLs() throws {
        let hub = try Self.hub()
        let home = try TemporaryDirectory()
        let helper = try ScriptedHelper()
        try home.write("config.json", #"{"credsStore": "scripted"}"#)
        let login = try RealNames.run(
            [
                "login", "-s", "docker.io", "-u", "demo", "--password-stdin", "--ca-file", hub.caFile,
                "-c", home.path
            ], hosts: hub.hosts, stdin: "pw-hub", environment: helper.environment)
        #expect(login.exitCode == 0, "\(login.stderr)")
        let auths = try Self.auths(home)
        #expect(auths.keys.sorted() == Self.keys)
        #expect(auths.values.allSatisfy { ($0 as? [String: Any])?.isEmpty == true })
        let listed = try ProcessRunner.run(helper.directory.file("docker-credential-scripted"), ["list"])
        let servers = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: String]
        #expect(servers == ["https://index.docker.io/v1/": "demo", "registry-1.docker.io": "demo"])
        let logout = try PolicyBinary.run(["logout", "docker.io", "-c", home.path], environment: helper.environment)
        #expect(logout.exitCode == 0, "\(logout.stderr)")
        let after = try ProcessRunner.run(helper.directory.file("docker-credential-scripted"), ["list"])
        #expect(after.stdout == "{}\n")
    }
}

/// GHCR under its real name: opaque tokens, so `--check-access` probes — `GET …/tags/list` for pull,
/// `POST …/blobs/uploads/` then `DELETE` of its Location for push — and a PAT without write:packages is told so.
@Suite(.enabled(if: RealNames.available))
struct GHCRAccessTests {
    static func ghcr() throws -> NamedRegistry {
        try NamedRegistry(
            .ghcr, names: ["ghcr.io"],
            credentials: ["user": "me", "password": "ghp_write", "readonly": "ghp_read", "repositories": "me/app"])
    }

    static func login(
        _ registry: NamedRegistry, _ password: String, _ home: TemporaryDirectory, access: String
    ) throws -> ProcessResult {
        try RealNames.run(
            [
                "login", "-s", "ghcr.io", "-u", "me", "--password-stdin", "--ca-file", registry.caFile, "-c", home.path,
                "--check-access", access
            ], hosts: registry.hosts, stdin: password)
    }

    @Test func aWritePATIsProbedAndTheUploadCancelled() throws {
        let registry = try Self.ghcr()
        let home = try TemporaryDirectory()
        let result = try Self.login(registry, "ghp_write", home, access: "me/app:pull,push")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("me/app: pull, push"), "\(result.stderr)")
        let requests = try registry.requests()
        let upload = requests.first { $0.method == "POST" && $0.path == "/v2/me/app/blobs/uploads/" }
        #expect(upload != nil, "\(requests)")
        #expect(
            requests.contains {
                $0.method == "DELETE" && $0.path.hasPrefix("/v2/me/app/blobs/uploads/") && $0.authorization == "Bearer"
            },
            "the probe's upload was not cancelled: \(requests)")
        #expect(requests.contains { $0.method == "GET" && $0.path == "/v2/me/app/tags/list" })
    }

    @Test func aReadOnlyPATLacksPushAndGetsTheGitHubHint() throws {
        let registry = try Self.ghcr()
        let home = try TemporaryDirectory()
        let result = try Self.login(registry, "ghp_read", home, access: "me/app:pull,push")
        #expect(result.exitCode == 6, "\(result.stderr)")
        #expect(result.stderr.contains("push on me/app (granted: pull)"), "\(result.stderr)")
        #expect(result.stderr.contains("write:packages"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    @Test func aRepositoryThatIsNotVisibleIsSaidSo() throws {
        let registry = try Self.ghcr()
        let home = try TemporaryDirectory()
        let result = try Self.login(registry, "ghp_write", home, access: "me/private")
        #expect(result.exitCode == 6, "\(result.stderr)")
        #expect(result.stderr.contains("not found or is not visible"), "\(result.stderr)")
    }
}
