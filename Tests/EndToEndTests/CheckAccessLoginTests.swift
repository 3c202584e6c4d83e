import Foundation
import Testing

/// `--check-access`: "Login Succeeded" means the access asked for is there. Against the real token-auth
/// docker-registry whose token service limits one user to pull, the granted actions come from the token's
/// `access` claim; against the htpasswd registry, from probes of the repository.
@Suite(.enabled(if: Tools.available("docker-registry", "htpasswd", "python3")))
struct CheckAccessLoginTests {
    /// A token registry with two users: `pusher` may pull and push, `reader` only pull.
    func tokenRegistry() throws -> RegistryFixture {
        let registry = try RegistryFixture(.token, user: "pusher", password: "pw-push")
        try registry.directory.write(
            "registry/users.json",
            #"{"pusher": "pw-push", "reader": {"password": "pw-read", "actions": ["pull"]}}"#)
        return registry
    }

    func login(
        _ registry: RegistryFixture, _ user: String, _ password: String, _ home: TemporaryDirectory,
        access: [String]
    ) throws -> ProcessResult {
        try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", user, "--password-stdin", "--ca-file", registry.caFile, "-c",
                home.path
            ]
                + access.flatMap { ["--check-access", $0] }, stdin: password)
    }

    @Test func grantedAccessIsListedAndTheLoginStored() throws {
        let registry = try tokenRegistry()
        let home = try TemporaryDirectory()
        let result = try login(registry, "pusher", "pw-push", home, access: ["org/app:pull,push", "org/lib"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Login Succeeded\n")
        #expect(result.stderr.contains("org/app: pull, push\n"), "\(result.stderr)")
        #expect(result.stderr.contains("org/lib: pull\n"), "\(result.stderr)")
        #expect(try ConfigJSON(home.read("config.json")).auth(registry.server) != nil)
        let scopes = registry.tokenRequests().compactMap { ($0["query"] as? [String: [String]])?["scope"]?.first }
        #expect(scopes == ["repository:org/app:pull,push", "repository:org/lib:pull"])
    }

    @Test func missingPushExits6AndStoresNothing() throws {
        let registry = try tokenRegistry()
        let home = try TemporaryDirectory()
        let result = try login(registry, "reader", "pw-read", home, access: ["org/app:pull,push"])
        #expect(result.exitCode == 6, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("push on org/app (granted: pull)"), "\(result.stderr)")
        #expect(result.stderr.contains(registry.server))
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
        // The same user asking only to pull is fine.
        let pull = try login(registry, "reader", "pw-read", home, access: ["org/app"])
        #expect(pull.exitCode == 0, "\(pull.stderr)")
    }

    /// htpasswd registries grant every authenticated user everything, but a repository that does not exist
    /// cannot be pulled: the probe's 404 NAME_UNKNOWN says so; the push probe's upload is started and cancelled.
    @Test func aBasicRegistryIsProbed() throws {
        let registry = try RegistryFixture(.basic, user: "demo", password: "pw-probe")
        let home = try TemporaryDirectory()
        let push = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", "demo", "--password-stdin", "--ca-file", registry.caFile,
                "-c", home.path, "--check-access", "org/new:push"
            ], stdin: "pw-probe")
        #expect(push.exitCode == 0, "\(push.stderr)")
        #expect(push.stderr.contains("org/new: push"))
        // An upload in progress has `data` and `startedat`; the registry's DELETE removes both (distribution
        // leaves only an empty hash state behind).
        let uploads = try FileManager.default.subpathsOfDirectory(atPath: registry.directory.file("registry/storage"))
            .filter { $0.contains("_uploads/") && ($0.hasSuffix("/data") || $0.hasSuffix("/startedat")) }
        #expect(uploads.isEmpty, "the push probe left an upload behind: \(uploads)")
        let pull = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", "demo", "--password-stdin", "--ca-file", registry.caFile,
                "-c", home.path, "--check-access", "org/missing:pull"
            ], stdin: "pw-probe")
        #expect(pull.exitCode == 6, "\(pull.stderr)")
        #expect(pull.stderr.contains("not found or is not visible"), "\(pull.stderr)")
    }
}

/// ECR passwords carry their expiry: shown after a login, and an expired one is refused before any request.
@Suite(.enabled(if: Tools.available("docker-registry", "htpasswd")))
struct ExpiryTests {
    /// A password of the form `aws ecr get-login-password` prints, expiring at `expiration`.
    static func ecrPassword(expiration: Int) -> String {
        let object =
            #"{"payload":"cGF5bG9hZA==","datakey":"ZGF0YWtleQ==","version":"2","type":"DATA_KEY","expiration":\#(expiration)}"#
        return Data(object.utf8).base64EncodedString()
    }

    @Test func theExpiryOfAnECRPasswordIsShown() throws {
        let expiration = Int(Date().timeIntervalSince1970) + 12 * 3600
        let password = Self.ecrPassword(expiration: expiration)
        let registry = try RegistryFixture(.basic, user: "AWS", password: password)
        let home = try TemporaryDirectory()
        let result = try PolicyBinary.run(
            [
                "login", "-s", registry.server, "-u", "AWS", "--password-stdin", "--ca-file", registry.caFile,
                "-c", home.path
            ], stdin: password)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let when = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(expiration)))
        #expect(
            result.stderr.contains("The password expires \(when) UTC (in 11 h 59 min).")
                || result.stderr.contains("The password expires \(when) UTC (in 12 h)."), "\(result.stderr)")
        let status = try PolicyBinary.run(["status", "-c", home.path])
        #expect(status.stdout.contains(when + " UTC"), "\(status.stdout)")
    }

    /// Port 1 refuses connections: an exit 3 (not 4) shows no request was made.
    @Test func anExpiredECRPasswordIsRefusedBeforeAnyRequest() throws {
        let home = try TemporaryDirectory()
        let password = Self.ecrPassword(expiration: Int(Date().timeIntervalSince1970) - 7200)
        let result = try PolicyBinary.run(
            ["login", "-s", "127.0.0.1:1", "-u", "AWS", "--password-stdin", "-c", home.path], stdin: password)
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("expired"), "\(result.stderr)")
        #expect(result.stderr.contains("(2 h ago)") || result.stderr.contains("(1 h 59 min ago)"), "\(result.stderr)")
        #expect(result.stderr.contains("aws ecr get-login-password"))
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }
}

/// ECR under its real name with a password of ECR's own form: its expiry is read from the password itself.
@Suite(.enabled(if: RealNames.available))
struct ECRExpiryTests {
    static let name = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"

    @Test func theSeedCommandLineShowsWhenThePasswordExpires() throws {
        let password = ExpiryTests.ecrPassword(expiration: Int(Date().timeIntervalSince1970) + 6 * 3600 + 90)
        let registry = try NamedRegistry(.ecr, names: [Self.name], credentials: ["password": password])
        let home = try TemporaryDirectory()
        let result = try RealNames.run(
            [
                "login", "-s", Self.name, "-u", "AWS", "--password-stdin", "--ca-file", registry.caFile,
                "-c", home.path
            ], hosts: registry.hosts, stdin: password + "\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("(in 6 h 1 min).") || result.stderr.contains("(in 6 h 2 min)."), "\(result.stderr)")
        let expired = ExpiryTests.ecrPassword(expiration: Int(Date().timeIntervalSince1970) - 60)
        let refused = try RealNames.run(
            [
                "login", "-s", Self.name, "-u", "AWS", "--password-stdin", "--ca-file", registry.caFile,
                "-c", home.path
            ], hosts: registry.hosts, stdin: expired)
        #expect(refused.exitCode == 3, "\(refused.stderr)")
        let requests = try registry.requests()
        #expect(requests.count == 2, "the expired password was sent: \(requests)")
    }
}
