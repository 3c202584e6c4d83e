import Foundation
import PolicyBase
import RegistryAuth
import Testing

@testable import PolicyCLI

/// `policy login` to an ECR host run in-process, with both transports scripted: the registry (Basic, user AWS)
/// and AWS (GetAuthorizationToken). What reaches each side, and what is stored, without a network.
struct ECRLoginInProcessTests {
    static let server = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
    static let password = "ecr-password-7Yh"
    static let keys = [
        "AWS_ACCESS_KEY_ID": "AKIAINPROCESS", "AWS_SECRET_ACCESS_KEY": "in-process-secret",
        "AWS_EC2_METADATA_DISABLED": "true"
    ]

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var registry: [HTTPRequest] = []
        private var aws: [AWSRequest] = []
        func append(_ request: HTTPRequest) { lock.withLock { registry.append(request) } }
        func append(_ request: AWSRequest) { lock.withLock { aws.append(request) } }
        var registryRequests: [HTTPRequest] { lock.withLock { registry } }
        var awsRequests: [AWSRequest] { lock.withLock { aws } }
    }

    final class Registry: HTTPTransport, @unchecked Sendable {
        let log: Log
        init(log: Log) { self.log = log }
        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            log.append(request)
            if request.authorization == .basic(username: "AWS", password: Array(ECRLoginInProcessTests.password.utf8)) {
                return HTTPResponse(status: 200)
            }
            return HTTPResponse(
                status: 401,
                headers: [
                    (
                        "WWW-Authenticate",
                        #"Basic realm="https://\#(ECRLoginInProcessTests.server)/",service="ecr.amazonaws.com""#
                    )
                ])
        }
    }

    final class AWS: AWSTransport, @unchecked Sendable {
        let log: Log
        init(log: Log) { self.log = log }
        func send(_ request: AWSRequest) throws(TransportError) -> HTTPResponse {
            log.append(request)
            let token = Data("AWS:\(ECRLoginInProcessTests.password)".utf8).base64EncodedString()
            return HTTPResponse(
                status: 200,
                body: Array(#"{"authorizationData":[{"authorizationToken":"\#(token)","expiresAt":4102444800}]}"#.utf8))
        }
    }

    struct Outcome {
        var code: ExitCode
        var output: CapturedOutput
        var log: Log
    }

    func run(_ arguments: [String], home: URL, environment: [String: String]) -> Outcome {
        let log = Log()
        let captured = CapturedOutput()
        var variables = environment
        variables["HOME"] = home.path
        let code = Policy.run(
            arguments + ["-c", home.path],
            environment: Environment(variables: variables, standardInputIsTerminal: false, now: 1_800_000_000),
            output: captured, makeTransport: { _ in Registry(log: log) }, makeAWSTransport: { _, _ in AWS(log: log) })
        return Outcome(code: code, output: captured, log: log)
    }

    func temporaryHome() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "policy-ecr-inprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func noPasswordGetsOneFromECRAndStoresWhatThePipeWould() throws {
        let home = try temporaryHome()
        let outcome = run(["login", "-s", Self.server], home: home, environment: Self.keys)
        #expect(outcome.code == .success, "\(outcome.output.standardError)")
        #expect(outcome.output.standardOutput == "Login Succeeded\n")
        let aws = outcome.log.awsRequests
        #expect(
            aws.count == 1 && aws[0].signing?.region == "eu-west-1" && aws[0].signing?.service == "ecr"
                && aws[0].url == "https://api.ecr.eu-west-1.amazonaws.com/")
        #expect(
            outcome.log.registryRequests.map(\.authorization) == [
                nil, .basic(username: "AWS", password: Array(Self.password.utf8))
            ])
        let config = try String(contentsOf: home.appendingPathComponent("config.json"), encoding: .utf8)
        #expect(config.contains(ConfigDocumentAuth.encode("AWS", Self.password)))
        #expect(!outcome.output.standardError.contains(Self.keys["AWS_SECRET_ACCESS_KEY"]!))
    }

    @Test func aPasswordOnTheCommandLineMakesNoAWSCall() throws {
        let outcome = run(
            ["login", "-s", Self.server, "-u", "AWS", "-p", Self.password], home: try temporaryHome(),
            environment: Self.keys)
        #expect(outcome.code == .success, "\(outcome.output.standardError)")
        #expect(outcome.log.awsRequests.isEmpty)
    }

    @Test func noCredentialsWithoutATerminalIsExit3AndNoRequestAtAll() throws {
        let outcome = run(
            ["login", "-s", Self.server], home: try temporaryHome(), environment: ["AWS_EC2_METADATA_DISABLED": "true"])
        #expect(outcome.code == .credentialsRejected)
        #expect(
            outcome.output.standardError.hasPrefix("Error: No AWS credentials found"), "\(outcome.output.standardError)"
        )
        #expect(outcome.log.awsRequests.isEmpty && outcome.log.registryRequests.isEmpty)
    }

    /// The endpoint override reaches the same call; the registry never sees the AWS request.
    @Test func theEndpointOverrideIsUsed() throws {
        let outcome = run(
            ["login", "-s", Self.server], home: try temporaryHome(),
            environment: Self.keys.merging(["AWS_ENDPOINT_URL_ECR": "http://127.0.0.1:4566"]) { $1 })
        #expect(outcome.code == .success, "\(outcome.output.standardError)")
        #expect(outcome.log.awsRequests.map(\.url) == ["http://127.0.0.1:4566/"])
        #expect(outcome.log.registryRequests.allSatisfy { $0.url.hasPrefix("https://\(Self.server)/") })
    }
}
