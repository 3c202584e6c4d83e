import Foundation
import PolicyBase
import RegistryAuth
import Testing

@testable import PolicyCLI

/// Commands driven in-process past their usage errors, with `CommandContext`'s transport factory answering from a
/// script: a Basic registry at registry.example:5000 that knows one user. What the binary would print and the
/// exit code it would end with are checked without a network or a spawned process.
struct InProcessCommandTests {
    static let server = "registry.example:5000"
    static let user = "me"
    static let password = "right-pw-31"

    /// Each transport the factory makes answers like the registry, and logs what it was asked.
    final class ScriptedRegistry: HTTPTransport, @unchecked Sendable {
        let log: RequestLog
        init(log: RequestLog) { self.log = log }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            log.append(request)
            guard request.url == "https://\(InProcessCommandTests.server)/v2/" else { throw .connectionRefused }
            switch request.authorization {
            case nil:
                return HTTPResponse(status: 401, headers: [("WWW-Authenticate", #"Basic realm="scripted""#)])
            case .basic(InProcessCommandTests.user, let password)
            where password == Array(InProcessCommandTests.password.utf8):
                return HTTPResponse(status: 200)
            default:
                return HTTPResponse(status: 401, headers: [("WWW-Authenticate", #"Basic realm="scripted""#)])
            }
        }
    }

    final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var requests: [HTTPRequest] = []
        func append(_ request: HTTPRequest) { lock.withLock { requests.append(request) } }
        var all: [HTTPRequest] { lock.withLock { requests } }
    }

    struct Outcome {
        var code: ExitCode
        var output: CapturedOutput
        var requests: [HTTPRequest]
    }

    func run(_ arguments: [String], home: URL, transport: TransportFactory? = nil) -> Outcome {
        let log = RequestLog()
        let captured = CapturedOutput()
        let factory: TransportFactory = transport ?? { _ in ScriptedRegistry(log: log) }
        let code = Policy.run(
            arguments + ["-c", home.path],
            environment: Environment(variables: ["HOME": "/nonexistent-home"], standardInputIsTerminal: false),
            output: captured, makeTransport: factory)
        return Outcome(code: code, output: captured, requests: log.all)
    }

    func temporaryHome() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policy-inprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func config(_ home: URL) throws -> String {
        try String(contentsOf: home.appendingPathComponent("config.json"), encoding: .utf8)
    }

    @Test func aLoginTheRegistryAcceptsIsStored() throws {
        let home = try temporaryHome()
        let outcome = run(["login", "-s", Self.server, "-u", Self.user, "-p", Self.password], home: home)
        #expect(outcome.code == .success, "\(outcome.output.standardError)")
        #expect(outcome.output.standardOutput == "Login Succeeded\n")
        #expect(
            outcome.requests.map(\.authorization) == [
                nil, .basic(username: Self.user, password: Array(Self.password.utf8))
            ])
        #expect(try config(home).contains(ConfigDocumentAuth.encode(Self.user, Self.password)))
    }

    @Test func aLoginTheRegistryRefusesExits3AndStoresNothing() throws {
        let home = try temporaryHome()
        let outcome = run(["login", "-s", Self.server, "-u", Self.user, "-p", "wrong-pw-31"], home: home)
        #expect(outcome.code == .credentialsRejected)
        #expect(
            outcome.output.standardError.contains(
                "Error: Login to \(Self.server) failed: \(Self.server) rejected the credentials of 'me' (HTTP 401)"),
            "\(outcome.output.standardError)")
        #expect(outcome.output.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("config.json").path))
    }

    @Test func anUnreachableRegistryExits4() throws {
        let home = try temporaryHome()
        let outcome = run(["login", "-s", "other.example", "-u", Self.user, "-p", Self.password], home: home)
        #expect(outcome.code == .network)
        #expect(
            outcome.output.standardError.contains("Cannot reach other.example: the connection was refused"),
            "\(outcome.output.standardError)")
    }

    @Test func aTransportThatCannotBeMadeIsAnInternalError() throws {
        let home = try temporaryHome()
        let outcome = run(
            ["login", "-s", Self.server, "-u", Self.user, "-p", Self.password], home: home,
            transport: { (_) throws(TransportError) in throw .other(code: -1, detail: "no handle") })
        #expect(outcome.code == .unexpected)
        #expect(outcome.output.standardError.contains("policy failed unexpectedly"), "\(outcome.output.standardError)")
    }

    /// `status --verify` uses the same verifier: the stored login is re-checked and its state told apart.
    @Test(arguments: [(password, ExitCode.success, "ok"), ("stale-pw-31", .credentialsRejected, "rejected")])
    func statusVerifiesWithTheSameVerifier(_ stored: String, _ expected: ExitCode, _ state: String) throws {
        let home = try temporaryHome()
        let auth = ConfigDocumentAuth.encode(Self.user, stored)
        try Data(#"{"auths": {"\#(Self.server)": {"auth": "\#(auth)"}}}"#.utf8).write(
            to: home.appendingPathComponent("config.json"))
        let outcome = run(["status", "--verify"], home: home)
        #expect(outcome.code == expected, "\(outcome.output.standardError)")
        let row = outcome.output.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        #expect(row.hasPrefix(Self.server) && row.hasSuffix(state), "\(outcome.output.standardOutput)")
        #expect(outcome.requests.count == 2)
    }
}

/// docker's `auth` value, as a test writes it.
enum ConfigDocumentAuth {
    static func encode(_ user: String, _ password: String) -> String {
        Data("\(user):\(password)".utf8).base64EncodedString()
    }
}
