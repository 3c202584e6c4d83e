import PolicyBase
import Testing

@testable import RegistryAuth

struct RegistryLoginTests {
    let credentials = Credentials(username: "me", secret: "s3cret")

    func verify(
        _ transport: ScriptedTransport, server: String = "registry.example",
        plainHTTP: Bool = false
    ) throws(LoginError) -> LoginReport {
        try RegistryLogin(transport: transport).verify(
            credentials, at: try! RegistryAddress(parsing: server), plainHTTP: plainHTTP)
    }

    @Test func basicChallengeIsAnsweredOnTheSameHost() throws {
        let transport = ScriptedTransport([
            ("https://registry.example/v2/", ScriptedTransport.challenge(#"Basic realm="r""#))
        ])
        let report = try verify(transport)
        #expect(report == LoginReport(outcome: .verified(.basic), fellBackToPlainHTTP: false))
        #expect(transport.requests.map(\.url) == ["https://registry.example/v2/", "https://registry.example/v2/"])
        #expect(transport.requests.last?.authorization == .basic(username: "me", password: Array("s3cret".utf8)))
    }

    @Test func bearerFetchesATokenWithServiceAndScopeThenRetries() throws {
        let transport = ScriptedTransport([
            (
                "https://auth.example/token",
                { request in
                    #expect(request.authorization == .basic(username: "me", password: Array("s3cret".utf8)))
                    return .success(HTTPResponse(status: 200, body: Array(#"{"token":"tok123"}"#.utf8)))
                }
            ),
            (
                "https://registry.example/v2/",
                ScriptedTransport.challenge(
                    #"Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a b:pull""#
                )
            )
        ])
        let report = try verify(transport)
        #expect(
            report.outcome
                == .verified(
                    .bearer(
                        realm: "https://auth.example/token", service: "registry.example",
                        scope: "repository:a b:pull")))
        #expect(
            transport.requests.map(\.url) == [
                "https://registry.example/v2/",
                "https://auth.example/token?service=registry.example&scope=repository%3Aa%20b%3Apull",
                "https://registry.example/v2/"
            ])
        #expect(transport.requests.last?.authorization == .bearer(token: "tok123"))
    }

    @Test func bearerWithoutServiceSendsNoEmptyParameters() throws {
        let transport = ScriptedTransport([
            ("https://us-docker.pkg.dev/v2/token", ScriptedTransport.status(200, body: #"{"access_token":"t"}"#)),
            (
                "https://us-docker.pkg.dev/v2/",
                ScriptedTransport.challenge(#"Bearer realm="https://us-docker.pkg.dev/v2/token""#)
            )
        ])
        _ = try verify(transport, server: "us-docker.pkg.dev")
        #expect(transport.requests[1].url == "https://us-docker.pkg.dev/v2/token")
    }

    @Test func anonymousAccessIsReported() throws {
        let transport = ScriptedTransport([("https://registry.example/v2/", ScriptedTransport.status(200))])
        #expect(try verify(transport).outcome == .anonymousAccess)
        #expect(transport.requests.count == 1)
    }

    struct FailureRow: Sendable, CustomTestStringConvertible {
        var name: String
        var answers: [(String, ScriptedTransport.Answer)]
        var expected: LoginError
        var server: String = "registry.example"
        var testDescription: String { name }
    }

    static let failures: [FailureRow] = [
        FailureRow(
            name: "basic rejected",
            answers: [
                (
                    "https://registry.example/v2/",
                    { request in
                        .success(
                            HTTPResponse(
                                status: 401, headers: [("WWW-Authenticate", #"Basic realm="r""#)],
                                body: Array(#"{"details":"incorrect username or password"}"#.utf8)))
                    }
                )
            ],
            expected: .credentialsRejected(
                host: "registry.example", status: 401, serverMessage: "incorrect username or password")),
        FailureRow(
            name: "token service says 401",
            answers: [
                (
                    "https://auth.example/",
                    ScriptedTransport.status(
                        401, body: "unauthenticated: User cannot be authenticated with the token provided.")
                ),
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.challenge(#"Bearer realm="https://auth.example/token""#)
                )
            ],
            expected: .credentialsRejected(
                host: "auth.example", status: 401,
                serverMessage: "unauthenticated: User cannot be authenticated with the token provided.")),
        FailureRow(
            name: "token service says 403",
            answers: [
                ("https://auth.example/", ScriptedTransport.status(403)),
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.challenge(#"Bearer realm="https://auth.example/token""#)
                )
            ], expected: .credentialsRejected(host: "auth.example", status: 403, serverMessage: nil)),
        FailureRow(
            name: "token reply not JSON",
            answers: [
                ("https://auth.example/", ScriptedTransport.status(200, body: "<html>")),
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.challenge(#"Bearer realm="https://auth.example/token""#)
                )
            ], expected: .invalidTokenReply(host: "auth.example", .notJSON)),
        FailureRow(
            name: "token reply without token",
            answers: [
                ("https://auth.example/", ScriptedTransport.status(200, body: #"{"expires_in":60}"#)),
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.challenge(#"Bearer realm="https://auth.example/token""#)
                )
            ], expected: .invalidTokenReply(host: "auth.example", .missingToken)),
        FailureRow(
            name: "realm over http for an https registry",
            answers: [
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.challenge(#"Bearer realm="http://auth.example/token""#)
                )
            ], expected: .insecureRealm(realm: "http://auth.example/token")),
        FailureRow(
            name: "realm not a URL",
            answers: [
                ("https://registry.example/v2/", ScriptedTransport.challenge(#"Bearer realm="file:///etc/passwd""#))
            ], expected: .invalidRealm(realm: "file:///etc/passwd")),
        FailureRow(
            name: "realm host of 10 KB",
            answers: [
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.challenge(#"Bearer realm="https://\#(String(repeating: "a", count: 10240))/t""#)
                )
            ], expected: .invalidRealm(realm: OutsideText("https://\(String(repeating: "a", count: 10240))/t"))),
        FailureRow(
            name: "realm with user info",
            answers: [
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.challenge(#"Bearer realm="https://me:pw@auth.example/t""#)
                )
            ], expected: .invalidRealm(realm: "https://me:pw@auth.example/t")),
        FailureRow(
            name: "Basic answer redirected to another port",
            answers: [
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.redirectedWhenAuthorized(
                        to: "https://registry.example:8443/v2/",
                        challenge: #"Basic realm="r""#)
                )
            ], expected: .redirectedElsewhere(host: "registry.example", target: "registry.example:8443")),
        FailureRow(
            name: "Bearer answer redirected to another host",
            answers: [
                ("https://auth.example/", ScriptedTransport.status(200, body: #"{"token":"t0k3n"}"#)),
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.redirectedWhenAuthorized(
                        to: "https://mirror.example/v2/", challenge: #"Bearer realm="https://auth.example/token""#)
                )
            ], expected: .redirectedElsewhere(host: "registry.example", target: "mirror.example")),
        FailureRow(
            name: "token request redirected to plain http",
            answers: [
                (
                    "https://auth.example/",
                    { _ in
                        .success(
                            HTTPResponse(
                                status: 200, body: Array(#"{"token":"t"}"#.utf8),
                                effectiveURL: "http://auth.example/token"))
                    }
                ),
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.challenge(#"Bearer realm="https://auth.example/token""#)
                )
            ], expected: .redirectedElsewhere(host: "auth.example", target: "auth.example")),
        FailureRow(
            name: "401 without challenge", answers: [("https://registry.example/v2/", ScriptedTransport.status(401))],
            expected: .missingChallenge(host: "registry.example")),
        FailureRow(
            name: "malformed challenge",
            answers: [
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.status(401, headers: [("WWW-Authenticate", #"Bearer realm="x"#)])
                )
            ],
            expected: .malformedChallenge(
                host: "registry.example", ChallengeParseError(reason: .unterminatedQuotedString, offset: 13))),
        FailureRow(
            name: "unsupported scheme",
            answers: [
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.status(401, headers: [("WWW-Authenticate", "Negotiate")])
                )
            ],
            expected: .unsupportedChallenge(host: "registry.example", schemes: ["negotiate"])),
        FailureRow(
            name: "503 on the probe",
            answers: [("https://registry.example/v2/", ScriptedTransport.status(503, body: "down for maintenance"))],
            expected: .unexpectedStatus(host: "registry.example", status: 503, serverMessage: "down for maintenance")),
        FailureRow(
            name: "404 on the probe", answers: [("https://registry.example/v2/", ScriptedTransport.status(404))],
            expected: .unexpectedStatus(host: "registry.example", status: 404, serverMessage: nil)),
        FailureRow(
            name: "ECR 400",
            answers: [
                (
                    "https://registry.example/v2/",
                    { request in
                        request.authorization == nil
                            ? .success(
                                HTTPResponse(
                                    status: 401,
                                    headers: [("WWW-Authenticate", #"Basic realm="x",service="ecr.amazonaws.com""#)]))
                            : .success(HTTPResponse(status: 400, body: Array("Not Authorized\n".utf8)))
                    }
                )
            ], expected: .unexpectedStatus(host: "registry.example", status: 400, serverMessage: "Not Authorized")),
        FailureRow(
            name: "registry refuses the token",
            answers: [
                ("https://auth.example/", ScriptedTransport.status(200, body: #"{"token":"t"}"#)),
                (
                    "https://registry.example/v2/",
                    ScriptedTransport.status(
                        401,
                        headers: [
                            ("WWW-Authenticate", #"Bearer realm="https://auth.example/token",error="invalid_token""#)
                        ])
                )
            ], expected: .credentialsRejected(host: "registry.example", status: 401, serverMessage: nil)),
        FailureRow(
            name: "connection refused", answers: [],
            expected: .transport(host: "registry.example", .connectionRefused)),
        FailureRow(
            name: "no fallback for non-loopback hosts",
            answers: [
                ("https://registry.example/v2/", { _ in .failure(.tlsHandshakeFailed(detail: "wrong version number")) })
            ],
            expected: .transport(host: "registry.example", .tlsHandshakeFailed(detail: "wrong version number")))
    ]

    @Test(arguments: failures)
    func reportsFailures(_ row: FailureRow) {
        let transport = ScriptedTransport(row.answers)
        #expect(throws: row.expected) { try verify(transport, server: row.server) }
    }

    /// Same scheme, host and port (the default port spelled out or not) is the same server: no error.
    @Test(arguments: [
        "https://registry.example/v2", "https://registry.example:443/v2/", "https://REGISTRY.example/v2/x"
    ])
    func redirectWithinTheSameServerIsFollowed(_ target: String) throws {
        let transport = ScriptedTransport([
            (
                "https://registry.example/v2/",
                ScriptedTransport.redirectedWhenAuthorized(
                    to: target, challenge: #"Basic realm="r""#)
            )
        ])
        #expect(try verify(transport).outcome == .verified(.basic))
    }

    @Test func loopbackFallsBackToPlainHTTPOnlyWhenTLSFails() throws {
        let transport = ScriptedTransport([
            ("https://127.0.0.1:5000/", { _ in .failure(.tlsHandshakeFailed(detail: "wrong version number")) }),
            ("http://127.0.0.1:5000/v2/", ScriptedTransport.challenge(#"Basic realm="r""#))
        ])
        let report = try verify(transport, server: "127.0.0.1:5000")
        #expect(report == LoginReport(outcome: .verified(.basic), fellBackToPlainHTTP: true))
        #expect(transport.requests.last?.url == "http://127.0.0.1:5000/v2/")
    }

    @Test func plainHTTPRegistryMayUseAPlainHTTPRealm() throws {
        let transport = ScriptedTransport([
            ("http://auth.example/token", ScriptedTransport.status(200, body: #"{"token":"t"}"#)),
            ("http://registry.example/v2/", ScriptedTransport.challenge(#"Bearer realm="http://auth.example/token""#))
        ])
        #expect(
            try verify(transport, plainHTTP: true).outcome
                == .verified(.bearer(realm: "http://auth.example/token", service: nil, scope: nil)))
    }

    /// A registry that quotes back what it was sent: the secret, `base64(user:secret)` and a token the flow obtained
    /// are redacted in its message where the message is made (our own sentence around it is never rewritten).
    @Test func aServerMessageQuotingASecretInPlayIsRedacted() throws {
        let basic = ScriptedTransport([
            (
                "https://registry.example/v2/",
                { request in
                    if request.authorization == nil { return ScriptedTransport.challenge(#"Basic realm="r""#)(request) }
                    return .success(
                        HTTPResponse(
                            status: 401,
                            body: Array(
                                #"{"errors":[{"code":"DENIED","message":"me:s3cret bWU6czNjcmV0 is wrong"}]}"#.utf8)))
                }
            )
        ])
        #expect(
            throws: LoginError.credentialsRejected(
                host: "registry.example", status: 401,
                serverMessage: "DENIED: me:[redacted] [redacted] is wrong")
        ) { try verify(basic) }
        let token = ScriptedTransport([
            ("https://auth.example/token", ScriptedTransport.status(200, body: #"{"token":"tok-issued-123"}"#)),
            (
                "https://registry.example/v2/",
                { request in
                    if request.authorization == nil {
                        return ScriptedTransport.challenge(#"Bearer realm="https://auth.example/token""#)(request)
                    }
                    return .success(HTTPResponse(status: 403, body: Array("token tok-issued-123 refused".utf8)))
                }
            )
        ])
        #expect(
            throws: LoginError.credentialsRejected(
                host: "registry.example", status: 403,
                serverMessage: "token [redacted] refused")
        ) { try verify(token) }
    }
}
