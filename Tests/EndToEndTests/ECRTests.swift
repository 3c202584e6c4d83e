import Foundation
import Testing

/// AWS ECR under its real name (`<account>.dkr.ecr.<region>.amazonaws.com`, resolved to a local fixture in a
/// private mount namespace), with the seed's command line:
/// `aws ecr get-login-password | policy login -s <account>.dkr.ecr.<region>.amazonaws.com -u AWS --password-stdin`.
@Suite(.enabled(if: RealNames.available))
struct ECRTests {
    static let name = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
    static let token = "eyJwYXlsb2FkIjoiZWNyLXRlc3QtdG9rZW4ifQ=="
    static let expired = "eyJwYXlsb2FkIjoiZXhwaXJlZC10b2tlbiJ9"

    static func login(_ registry: NamedRegistry, password: String, home: TemporaryDirectory) throws -> ProcessResult {
        try RealNames.run(
            ["login", "-s", name, "-u", "AWS", "--password-stdin", "--ca-file", registry.caFile, "-c", home.path],
            hosts: registry.hosts, stdin: password + "\n")
    }

    static func registry() throws -> NamedRegistry {
        try NamedRegistry(.ecr, names: [name], credentials: ["password": token, "expired": expired])
    }

    @Test func theSeedCommandLineLogsIn() throws {
        let registry = try Self.registry()
        let home = try TemporaryDirectory()
        let result = try Self.login(registry, password: Self.token, home: home)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Login Succeeded\n")
        #expect(try ConfigJSON(home.read("config.json")).auth(Self.name) == SecretLeaks.basic("AWS", Self.token))
        let requests = try registry.requests()
        #expect(requests.allSatisfy { $0.host == Self.name }, "every request went to the name: \(requests)")
        #expect(
            requests.contains { $0.path.hasPrefix("/v2/") && $0.authorization == "Basic" },
            "Basic, to the registry itself")
        SecretLeaks.expectNone(in: result, secrets: [Self.token, SecretLeaks.basic("AWS", Self.token)])
    }

    /// 401 `Not Authorized`: exit 3, the server named, the ECR hint (the command that makes the password).
    @Test func aWrongPasswordIsRejectedWithTheECRHint() throws {
        let registry = try Self.registry()
        let home = try TemporaryDirectory()
        let result = try Self.login(registry, password: "not-an-ecr-token", home: home)
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains(Self.name), "\(result.stderr)")
        #expect(result.stderr.contains("get-login-password"), "\(result.stderr)")
        #expect(
            !result.stderr.lowercased().contains("expired"), "a wrong password is not an expired one: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    /// 403 `denied: Your authorization token has expired.`: exit 3, the server named, the ECR hint — and
    /// policy's own words differ from those for a wrong password (the registry's messages and status codes
    /// taken out), so the expiry is told apart, whatever the wording.
    @Test func anExpiredTokenIsToldApart() throws {
        let registry = try Self.registry()
        let home = try TemporaryDirectory()
        let result = try Self.login(registry, password: Self.expired, home: home)
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains(Self.name), "\(result.stderr)")
        #expect(result.stderr.contains("get-login-password"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
        SecretLeaks.expectNone(in: result, secrets: [Self.expired])
        let wrong = try Self.login(registry, password: "not-an-ecr-token", home: home)
        let ownWords = { (text: String) in
            [NamedRegistry.ecrExpiredMessage, "Not Authorized", "401", "403"].reduce(text) {
                $0.replacingOccurrences(of: $1, with: "")
            }
        }
        #expect(ownWords(result.stderr) != ownWords(wrong.stderr), "expired: \(result.stderr) wrong: \(wrong.stderr)")
    }

    /// The name resolves only inside policy's namespace: the machine's /etc/hosts is never changed.
    @Test func theMachinesHostsFileIsUntouched() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: "/etc/hosts"))
        let registry = try Self.registry()
        let home = try TemporaryDirectory()
        _ = try Self.login(registry, password: Self.token, home: home)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "/etc/hosts")) == before)
        #expect(!String(decoding: before, as: UTF8.self).contains(Self.name))
    }
}
