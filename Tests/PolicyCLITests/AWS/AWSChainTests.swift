import Foundation
import PolicyBase
import Testing

@testable import CredentialStore
@testable import PolicyCLI
@testable import RegistryAuth

/// When a native ECR login happens, and the credential chain's order, in-process with a scripted transport:
/// nothing here touches the network (the container and metadata addresses are only ever scripted URLs).
struct AWSChainTests {
    static let ecrHost = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"

    static func context(terminal: Bool = false, environment: [String: String] = [:]) -> CommandContext {
        CommandContext(
            output: Output(sink: CapturedOutput()),
            environment: Environment(variables: environment, standardInputIsTerminal: terminal, now: 1_800_000_000),
            configDirectoryIfKnown: "/nonexistent", debug: false,
            makeTransport: CommandContext.curlTransport)
    }

    struct DecisionRow: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var native: Bool
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// A password given in any way wins; so does a user other than AWS; other registries never.
    static let decisions: [DecisionRow] = [
        DecisionRow(arguments: ["login", "-s", ecrHost], native: true),
        DecisionRow(arguments: ["login", "-s", ecrHost, "-u", "AWS"], native: true),
        DecisionRow(arguments: ["login", "-s", "https://\(ecrHost)/v2/"], native: true),
        DecisionRow(arguments: ["login", "-s", "public.ecr.aws"], native: true),
        DecisionRow(arguments: ["login", "-s", ecrHost, "-u", "AWS", "--password-stdin"], native: false),
        DecisionRow(arguments: ["login", "-s", ecrHost, "-u", "AWS", "-p", "x"], native: false),
        DecisionRow(arguments: ["login", "-s", ecrHost, "-p", "x"], native: false),
        DecisionRow(arguments: ["login", "-s", ecrHost, "-u", "someone"], native: false),
        DecisionRow(arguments: ["login", "-s", ecrHost, "-u", "aws"], native: false),
        DecisionRow(arguments: ["login", "-s", "ghcr.io"], native: false),
        DecisionRow(arguments: ["login", "-s", "\(ecrHost).example.com"], native: false)
    ]

    @Test(arguments: decisions)
    func nativeOnlyWithoutAGivenPassword(_ row: DecisionRow) throws {
        let options = try LoginOptions(ArgumentParser.parse(row.arguments))
        let server = try RegistryAddress(parsing: try #require(options.serverInput))
        #expect((ECRLogin(server: server, options: options, context: Self.context()) != nil) == row.native)
    }

    // MARK: the chain

    enum Expected: Equatable {
        case found(AWSCredentialSource, keyID: String)
        case notFound(count: Int)
        case failure(ExitCode)
    }

    struct ChainRow: CustomTestStringConvertible {
        var name: String
        var environment: [String: String]
        var files: [String: String] = [:]
        var expected: Expected
        /// The URLs requested, in order.
        var requests: [String]
        var testDescription: String { name }
    }

    static let sts = "http://sts.test/"
    static let stsReply =
        "<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIAWEB</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken></Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>"
    static let containerReply = #"{"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"s","Token":"t"}"#
    static let environmentKeys = ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "s"]
    static let webIdentity = [
        "AWS_WEB_IDENTITY_TOKEN_FILE": "@token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/r", "AWS_ENDPOINT_URL_STS": sts
    ]
    static let profile = ["AWS_SHARED_CREDENTIALS_FILE": "@credentials", "AWS_CONFIG_FILE": "@config"]
    static let profileFiles = [
        "credentials": "[default]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = s\n", "config": ""
    ]
    static let container = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/creds"]
    static let metadataOff = ["AWS_EC2_METADATA_DISABLED": "true"]

    static func merged(_ parts: [String: String]...) -> [String: String] {
        parts.reduce([:]) { $0.merging($1) { $1 } }
    }

    static let chainRows: [ChainRow] = [
        ChainRow(
            name: "environment keys beat everything after them",
            environment: merged(environmentKeys, webIdentity, profile, container),
            files: ["token": "jwt"].merging(profileFiles) { $1 },
            expected: .found(.environment, keyID: "AKIAENV"), requests: []),
        ChainRow(
            name: "web identity beats the profile", environment: merged(webIdentity, profile, container),
            files: ["token": "jwt"].merging(profileFiles) { $1 },
            expected: .found(.webIdentity(roleARN: "arn:aws:iam::1:role/r"), keyID: "ASIAWEB"), requests: [sts]),
        ChainRow(
            name: "the profile beats the container", environment: merged(profile, container), files: profileFiles,
            expected: .found(.profile(name: "default", file: "@credentials"), keyID: "AKIAPROFILE"), requests: []),
        ChainRow(
            name: "the container beats instance metadata", environment: container,
            expected: .found(.container(url: "http://127.0.0.1:1/creds"), keyID: "ASIACONTAINER"),
            requests: ["http://127.0.0.1:1/creds"]),
        ChainRow(
            name: "a relative container URI is appended to 169.254.170.2 (scripted, never sent)",
            environment: [
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "https://x/"
            ],
            expected: .found(.container(url: "http://169.254.170.2/v2/credentials/abc"), keyID: "ASIACONTAINER"),
            requests: ["http://169.254.170.2/v2/credentials/abc"]),
        ChainRow(
            name: "nothing, metadata off: no request at all", environment: metadataOff, expected: .notFound(count: 5),
            requests: []),
        ChainRow(
            name: "nothing, metadata does not answer (scripted)", environment: [:], expected: .notFound(count: 5),
            requests: ["http://169.254.169.254/latest/api/token"]),
        ChainRow(
            name: "half the environment keys", environment: ["AWS_ACCESS_KEY_ID": "AKIA"],
            expected: .failure(.credentialsRejected),
            requests: []),
        ChainRow(
            name: "a web identity token file without a role", environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "@token"],
            files: ["token": "jwt"], expected: .failure(.credentialsRejected), requests: []),
        ChainRow(
            name: "a missing web identity token file",
            environment: merged(webIdentity, ["AWS_WEB_IDENTITY_TOKEN_FILE": "/nonexistent/token"]),
            expected: .failure(.storage), requests: []),
        ChainRow(
            name: "a named profile that is nowhere", environment: merged(profile, ["AWS_PROFILE": "nope"]),
            files: profileFiles,
            expected: .failure(.credentialsRejected), requests: []),
        ChainRow(
            name: "a plain-HTTP container URL to another host",
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://10.0.0.1/creds"],
            expected: .failure(.usage), requests: [])
    ]

    @Test(arguments: chainRows)
    func theChainsOrder(_ row: ChainRow) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "policy-chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in row.files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        let environment = row.environment.mapValues {
            $0.hasPrefix("@") ? directory.appendingPathComponent(String($0.dropFirst())).path : $0
        }
        .merging(["HOME": directory.path]) { old, _ in old }
        let transport = ScriptedAWS { request in
            if request.url == Self.sts { return .success(HTTPResponse(status: 200, body: Array(Self.stsReply.utf8))) }
            if request.url.hasSuffix("/creds") || request.url.contains("/v2/credentials/") {
                return .success(HTTPResponse(status: 200, body: Array(Self.containerReply.utf8)))
            }
            return .failure(.timedOut(seconds: 1))
        }
        let chain = AWSCredentialChain(
            environment: environment, client: AWSClient(transport: transport, timeoutSeconds: 5),
            stsRegion: "eu-west-1",
            processTimeoutSeconds: 5, now: 1_800_000_000, output: Output(sink: CapturedOutput()), trace: nil,
            server: try RegistryAddress(parsing: Self.ecrHost))
        let actual: Expected
        do {
            switch try chain.resolve() {
            case .found(let credentials, let source): actual = .found(source, keyID: credentials.accessKeyID)
            case .notFound(let tried): actual = .notFound(count: tried.count)
            }
        } catch let failure as AWSSourceFailure {
            actual = .failure(failure.exitCode)
        }
        let expected: Expected
        if case .found(.profile(let name, let file), let key) = row.expected {
            expected = .found(
                .profile(name: name, file: directory.appendingPathComponent(String(file.dropFirst())).path), keyID: key)
        } else {
            expected = row.expected
        }
        #expect(actual == expected)
        #expect(transport.requests.map(\.url) == row.requests)
    }
}

/// An AWS transport answering from a closure, recording every request.
final class ScriptedAWS: AWSTransport {
    private let answer: (AWSRequest) -> Result<HTTPResponse, TransportError>
    private(set) var requests: [AWSRequest] = []

    init(_ answer: @escaping (AWSRequest) -> Result<HTTPResponse, TransportError>) {
        self.answer = answer
    }

    func send(_ request: AWSRequest) throws(TransportError) -> HTTPResponse {
        requests.append(request)
        return try answer(request).get()
    }
}
