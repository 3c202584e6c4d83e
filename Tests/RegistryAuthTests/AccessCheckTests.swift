import PolicyBase
import Testing

@testable import RegistryAuth

/// `--check-access`: after the credentials are verified, what they may do on a repository — read from a JWT's
/// `access` claim without side effects, or probed (`tags/list` for pull, an upload started and cancelled for push).
struct AccessCheckTests {
    static let credentials = Credentials(username: "me", secret: "s3cret")
    static let registry = "https://registry.example/v2/"
    static let bearer = #"Bearer realm="https://auth.example/token",service="registry.example""#
    static let repository = "org/policy"
    static let tagsList = registry + "org/policy/tags/list"
    static let uploads = registry + "org/policy/blobs/uploads/"

    static func verify(
        _ transport: ScriptedTransport, actions: [RepositoryAction],
        repository: String = repository
    ) throws(LoginError) -> LoginReport {
        try RegistryLogin(transport: transport).verify(
            credentials, at: try! RegistryAddress(parsing: "registry.example"), plainHTTP: false,
            checking: [AccessRequest(repository: repository, actions: actions)])
    }

    /// A token service that gives `login-token` for the login and `scoped` for a request with a scope.
    static func tokenService(scoped: String) -> ScriptedTransport.Answer {
        { request in
            let token = request.url.contains("scope=") ? scoped : "login-token"
            return .success(HTTPResponse(status: 200, body: Array(#"{"token":"\#(token)"}"#.utf8)))
        }
    }

    /// The requests after the login itself: everything but `/v2/` and the token service.
    static func probes(_ transport: ScriptedTransport) -> [HTTPRequest] {
        transport.requests.filter { $0.url != registry && !$0.url.hasPrefix("https://auth.example/") }
    }

    // MARK: Granted actions read from the token's `access` claim

    struct ClaimRow: Sendable, CustomTestStringConvertible {
        var name: String
        var access: String
        var asked: [RepositoryAction] = [.pull, .push]
        var granted: [RepositoryAction]
        var testDescription: String { name }
    }

    static let claimRows: [ClaimRow] = [
        ClaimRow(
            name: "pull only", access: #"[{"type":"repository","name":"org/policy","actions":["pull"]}]"#,
            granted: [.pull]),
        ClaimRow(
            name: "pull and push", access: #"[{"type":"repository","name":"org/policy","actions":["pull","push"]}]"#,
            granted: [.pull, .push]),
        ClaimRow(
            name: "push listed first",
            access: #"[{"type":"repository","name":"org/policy","actions":["push","pull"]}]"#,
            granted: [.pull, .push]),
        ClaimRow(
            name: "wildcard", access: #"[{"type":"repository","name":"org/policy","actions":["*"]}]"#,
            granted: [.pull, .push]),
        ClaimRow(
            name: "another repository's grant",
            access: #"[{"type":"repository","name":"org/other","actions":["pull","push"]}]"#,
            granted: []),
        ClaimRow(
            name: "a repository whose name only starts the same",
            access: #"[{"type":"repository","name":"org/policy-old","actions":["*"]}]"#,
            granted: []),
        ClaimRow(
            name: "a registry-type entry of the same name",
            access: #"[{"type":"registry","name":"org/policy","actions":["*"]}]"#,
            granted: []),
        ClaimRow(name: "an empty access claim", access: "[]", granted: []),
        ClaimRow(
            name: "grants split over two entries",
            access:
                #"[{"type":"repository","name":"org/policy","actions":["pull"]},{"type":"repository","name":"org/policy","actions":["push"]}]"#,
            granted: [.pull, .push]),
        ClaimRow(
            name: "delete only", access: #"[{"type":"repository","name":"org/policy","actions":["delete"]}]"#,
            granted: []),
        ClaimRow(
            name: "more granted than asked",
            access: #"[{"type":"repository","name":"org/policy","actions":["pull","push"]}]"#,
            asked: [.pull], granted: [.pull]),
        ClaimRow(
            name: "push asked, pull granted",
            access: #"[{"type":"repository","name":"org/policy","actions":["pull"]}]"#,
            asked: [.push], granted: [])
    ]

    @Test(arguments: claimRows)
    func grantedActionsComeFromTheClaimWithoutProbes(_ row: ClaimRow) throws {
        let token = UnsignedJWT.make(claims: #"{"iss":"auth.example","exp":4102444799,"access":\#(row.access)}"#)
        let transport = ScriptedTransport([
            ("https://auth.example/token", Self.tokenService(scoped: token)),
            (Self.registry, ScriptedTransport.challenge(Self.bearer))
        ])
        let report = try Self.verify(transport, actions: row.asked)
        let expected = AccessReport(
            request: AccessRequest(repository: Self.repository, actions: row.asked), granted: row.granted,
            repositoryNotFound: false)
        #expect(report.access == [expected])
        #expect(report.access.first?.allGranted == (row.granted == row.asked))
        #expect(Self.probes(transport).isEmpty, "probed: \(Self.probes(transport).map(\.url))")
        #expect(transport.requests.count == 4)
    }

    /// The token for the check is asked for exactly the repository's scope, once per repository.
    @Test(arguments: [
        ([RepositoryAction.pull], "repository%3Aorg%2Fpolicy%3Apull"),
        ([.push], "repository%3Aorg%2Fpolicy%3Apush"),
        ([.pull, .push], "repository%3Aorg%2Fpolicy%3Apull%2Cpush")
    ])
    func theTokenRequestCarriesTheRepositoryScope(_ actions: [RepositoryAction], scope: String) throws {
        let token = UnsignedJWT.make(claims: #"{"access":[]}"#)
        let transport = ScriptedTransport([
            ("https://auth.example/token", Self.tokenService(scoped: token)),
            (Self.registry, ScriptedTransport.challenge(Self.bearer))
        ])
        _ = try Self.verify(transport, actions: actions)
        let tokenRequests = transport.requests.filter { $0.url.hasPrefix("https://auth.example/") }
        #expect(
            tokenRequests.map(\.url) == [
                "https://auth.example/token?service=registry.example",
                "https://auth.example/token?service=registry.example&scope=\(scope)"
            ])
        #expect(tokenRequests.allSatisfy { $0.authorization == .basic(username: "me", password: Array("s3cret".utf8)) })
    }

    // MARK: Probes: opaque tokens, Basic registries, registries that let anyone in

    enum Login: Sendable {
        /// Bearer, with an opaque token for the scope (GHCR).
        case opaqueToken
        /// Bearer, with a JWT for the scope that has no `access` claim.
        case jwtWithoutAccess
        /// Basic (ECR, htpasswd).
        case basic
        /// `/v2/` answered 200 without credentials.
        case anonymous

        static let jwtWithoutAccessToken = UnsignedJWT.make(claims: #"{"sub":"me","exp":4102444799}"#)

        var probeAuthorization: HTTPAuthorization {
            switch self {
            case .opaqueToken: .bearer(token: "ghs_opaque")
            case .jwtWithoutAccess: .bearer(token: Self.jwtWithoutAccessToken)
            case .basic, .anonymous: .basic(username: "me", password: Array("s3cret".utf8))
            }
        }

        var answers: [(String, ScriptedTransport.Answer)] {
            switch self {
            case .opaqueToken:
                [
                    ("https://auth.example/token", AccessCheckTests.tokenService(scoped: "ghs_opaque")),
                    (AccessCheckTests.registry, ScriptedTransport.challenge(AccessCheckTests.bearer))
                ]
            case .jwtWithoutAccess:
                [
                    ("https://auth.example/token", AccessCheckTests.tokenService(scoped: Self.jwtWithoutAccessToken)),
                    (AccessCheckTests.registry, ScriptedTransport.challenge(AccessCheckTests.bearer))
                ]
            case .basic: [(AccessCheckTests.registry, ScriptedTransport.challenge(#"Basic realm="r""#))]
            case .anonymous: [(AccessCheckTests.registry, ScriptedTransport.status(200))]
            }
        }
    }

    struct ProbeRow: Sendable, CustomTestStringConvertible {
        var name: String
        var login: Login = .opaqueToken
        var asked: [RepositoryAction]
        var tags: Int = 200
        var upload: Int = 202
        var location: String? = "/v2/org/policy/blobs/uploads/u-1?_state=abc"
        var granted: [RepositoryAction]
        var notFound = false
        /// `METHOD url` of every request after the login.
        var trail: [String]
        var testDescription: String { name }
    }

    static let getTags = "GET " + tagsList
    static let postUpload = "POST " + uploads
    static let deleteUpload = "DELETE https://registry.example/v2/org/policy/blobs/uploads/u-1?_state=abc"

    static let probeRows: [ProbeRow] = [
        ProbeRow(name: "opaque token: pull granted", asked: [.pull], granted: [.pull], trail: [getTags]),
        ProbeRow(
            name: "opaque token: pull on a missing repository", asked: [.pull], tags: 404, granted: [], notFound: true,
            trail: [getTags]),
        ProbeRow(name: "opaque token: pull 401", asked: [.pull], tags: 401, granted: [], trail: [getTags]),
        ProbeRow(name: "opaque token: pull 403", asked: [.pull], tags: 403, granted: [], trail: [getTags]),
        ProbeRow(
            name: "opaque token: push granted, upload cancelled at a relative Location", asked: [.push],
            granted: [.push],
            trail: [postUpload, deleteUpload]),
        ProbeRow(
            name: "opaque token: push granted, absolute Location on the same origin", asked: [.push],
            location: "https://registry.example/v2/org/policy/blobs/uploads/u-1?_state=abc", granted: [.push],
            trail: [postUpload, deleteUpload]),
        ProbeRow(
            name: "opaque token: absolute Location with the default port spelled out", asked: [.push],
            location: "https://registry.example:443/v2/org/policy/blobs/uploads/u-2", granted: [.push],
            trail: [postUpload, "DELETE https://registry.example:443/v2/org/policy/blobs/uploads/u-2"]),
        ProbeRow(
            name: "opaque token: Location on another host is not followed", asked: [.push],
            location: "https://uploads.elsewhere.example/v2/org/policy/blobs/uploads/u-1", granted: [.push],
            trail: [postUpload]),
        ProbeRow(
            name: "opaque token: Location on another port is not followed", asked: [.push],
            location: "https://registry.example:8443/v2/org/policy/blobs/uploads/u-1", granted: [.push],
            trail: [postUpload]),
        ProbeRow(
            name: "opaque token: Location over plain http is not followed", asked: [.push],
            location: "http://registry.example/v2/org/policy/blobs/uploads/u-1", granted: [.push], trail: [postUpload]),
        ProbeRow(
            name: "opaque token: a scheme-relative Location stays on the registry", asked: [.push],
            location: "//uploads.elsewhere.example/u-1", granted: [.push],
            trail: [postUpload, "DELETE https://registry.example//uploads.elsewhere.example/u-1"]),
        ProbeRow(
            name: "opaque token: a Location relative to the upload collection", asked: [.push], location: "u-1",
            granted: [.push],
            trail: [postUpload, "DELETE https://registry.example/v2/org/policy/blobs/uploads/u-1"]),
        ProbeRow(
            name: "opaque token: push granted without a Location", asked: [.push], location: nil, granted: [.push],
            trail: [postUpload]),
        ProbeRow(name: "opaque token: push 401", asked: [.push], upload: 401, granted: [], trail: [postUpload]),
        ProbeRow(name: "opaque token: push 403", asked: [.push], upload: 403, granted: [], trail: [postUpload]),
        ProbeRow(
            name: "opaque token: pull granted, push denied", asked: [.pull, .push], upload: 403, granted: [.pull],
            trail: [getTags, postUpload]),
        ProbeRow(
            name: "opaque token: both granted", asked: [.pull, .push], granted: [.pull, .push],
            trail: [getTags, postUpload, deleteUpload]),
        ProbeRow(
            name: "JWT without an access claim: probed", login: .jwtWithoutAccess, asked: [.pull, .push], upload: 401,
            granted: [.pull], trail: [getTags, postUpload]),
        ProbeRow(name: "basic: pull granted", login: .basic, asked: [.pull], granted: [.pull], trail: [getTags]),
        ProbeRow(
            name: "basic: push granted and cancelled", login: .basic, asked: [.pull, .push], granted: [.pull, .push],
            trail: [getTags, postUpload, deleteUpload]),
        ProbeRow(name: "basic: pull 403", login: .basic, asked: [.pull], tags: 403, granted: [], trail: [getTags]),
        ProbeRow(
            name: "basic: missing repository, push denied", login: .basic, asked: [.pull, .push], tags: 404,
            upload: 404,
            granted: [], notFound: true, trail: [getTags, postUpload]),
        ProbeRow(
            name: "anonymous registry: probed with the credentials", login: .anonymous, asked: [.pull, .push],
            upload: 401,
            granted: [.pull], trail: [getTags, postUpload])
    ]

    @Test(arguments: probeRows)
    func probesWhenTheTokenSaysNothing(_ row: ProbeRow) throws {
        let location = row.location.map { [("Location", $0)] } ?? []
        let transport = ScriptedTransport(
            [
                (
                    Self.tagsList,
                    ScriptedTransport.status(
                        row.tags,
                        body: row.tags == 404
                            ? #"{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}"#
                            : "")
                ),
                (Self.uploads + "u-", ScriptedTransport.status(204)),
                ("https://registry.example//", ScriptedTransport.status(404)),
                (Self.uploads, ScriptedTransport.status(row.upload, headers: row.upload == 202 ? location : [])),
                ("https://registry.example:443/", ScriptedTransport.status(204))
            ] + row.login.answers)
        let report = try Self.verify(transport, actions: row.asked)
        let expected = AccessReport(
            request: AccessRequest(repository: Self.repository, actions: row.asked), granted: row.granted,
            repositoryNotFound: row.notFound)
        #expect(report.access == [expected])
        let probes = Self.probes(transport)
        #expect(probes.map { "\($0.method.rawValue) \($0.url)" } == row.trail)
        #expect(probes.allSatisfy { $0.authorization == row.login.probeAuthorization })
        #expect(probes.allSatisfy { $0.form.isEmpty })
    }

    /// `/v2/` lets anyone in, but the repository answers the credentials with a Bearer challenge: the token
    /// flow takes over (claims read from the scoped token), as it would for a token registry.
    @Test func anAnonymousRegistryThatChallengesOnTheRepositoryIsAskedForAToken() throws {
        let scoped = UnsignedJWT.make(
            claims: #"{"access":[{"type":"repository","name":"org/policy","actions":["pull"]}]}"#)
        let transport = ScriptedTransport([
            (
                Self.tagsList,
                ScriptedTransport.status(
                    401, headers: [("WWW-Authenticate", Self.bearer + #",scope="repository:org/policy:pull""#)])
            ),
            ("https://auth.example/token", Self.tokenService(scoped: scoped)),
            (Self.registry, ScriptedTransport.status(200))
        ])
        let report = try Self.verify(transport, actions: [.pull, .push])
        #expect(report.outcome == .anonymousAccess)
        #expect(report.access.first?.granted == [.pull])
        // Read from the token's claim: the repository was not probed again with the token.
        #expect(
            !transport.requests.contains { request in
                guard case .bearer? = request.authorization else { return false }
                return request.url.hasPrefix(Self.tagsList)
            })
        #expect(
            transport.requests.map(\.url).contains(
                "https://auth.example/token?service=registry.example&scope=repository%3Aorg%2Fpolicy%3Apull%2Cpush"))
    }

    struct FailureRow: Sendable, CustomTestStringConvertible {
        var name: String
        var login: Login
        var asked: [RepositoryAction]
        var tags: Int = 200
        var upload: Int = 202
        var expected: LoginError
        var testDescription: String { name }
    }

    static let failureRows: [FailureRow] = [
        FailureRow(
            name: "opaque token: 500 on tags/list", login: .opaqueToken, asked: [.pull], tags: 500,
            expected: .unexpectedStatus(host: "registry.example", status: 500, serverMessage: "database is down")),
        FailureRow(
            name: "opaque token: 500 on the upload", login: .opaqueToken, asked: [.push], upload: 500,
            expected: .unexpectedStatus(host: "registry.example", status: 500, serverMessage: "database is down")),
        FailureRow(
            name: "basic: 500 on tags/list", login: .basic, asked: [.pull, .push], tags: 500,
            expected: .unexpectedStatus(host: "registry.example", status: 500, serverMessage: "database is down")),
        FailureRow(
            name: "basic: 429 on the upload", login: .basic, asked: [.push], upload: 429,
            expected: .unexpectedStatus(host: "registry.example", status: 429, serverMessage: "database is down"))
    ]

    @Test(arguments: failureRows)
    func anUnexpectedStatusOnAProbeIsAnError(_ row: FailureRow) {
        let transport = ScriptedTransport(
            [
                (Self.tagsList, ScriptedTransport.status(row.tags, body: row.tags == 200 ? "" : "database is down")),
                (Self.uploads, ScriptedTransport.status(row.upload, body: row.upload == 202 ? "" : "database is down"))
            ] + row.login.answers)
        #expect(throws: row.expected) { try Self.verify(transport, actions: row.asked) }
    }

    /// Several `--check-access` repositories: one report each, in the order asked, each with its own scope.
    @Test func eachRepositoryIsCheckedInTheOrderAsked() throws {
        let transport = ScriptedTransport([
            (
                "https://auth.example/token",
                { request in
                    let grant = request.url.contains("org%2Fa") ? #"["pull","push"]"# : #"["pull"]"#
                    let name = request.url.contains("org%2Fa") ? "org/a" : "org/b"
                    let token =
                        request.url.contains("scope=")
                        ? UnsignedJWT.make(
                            claims: #"{"access":[{"type":"repository","name":"\#(name)","actions":\#(grant)}]}"#)
                        : "login-token"
                    return .success(HTTPResponse(status: 200, body: Array(#"{"token":"\#(token)"}"#.utf8)))
                }
            ),
            (Self.registry, ScriptedTransport.challenge(Self.bearer))
        ])
        let report = try RegistryLogin(transport: transport).verify(
            Self.credentials, at: try RegistryAddress(parsing: "registry.example"), plainHTTP: false,
            checking: [
                AccessRequest(repository: "org/a", actions: [.pull, .push]),
                AccessRequest(repository: "org/b", actions: [.pull, .push])
            ])
        #expect(report.access.map(\.request.repository) == ["org/a", "org/b"])
        #expect(report.access.map(\.granted) == [[.pull, .push], [.pull]])
        #expect(report.access.map(\.allGranted) == [true, false])
        #expect(report.access.last?.denied == [.push])
    }

    /// A login that fails is not followed by any check.
    @Test func noCheckWhenTheCredentialsAreRejected() {
        let transport = ScriptedTransport([
            ("https://auth.example/token", ScriptedTransport.status(401)),
            (Self.registry, ScriptedTransport.challenge(Self.bearer))
        ])
        #expect(throws: LoginError.credentialsRejected(host: "auth.example", status: 401, serverMessage: nil)) {
            try Self.verify(transport, actions: [.pull, .push])
        }
        #expect(Self.probes(transport).isEmpty)
        #expect(transport.requests.count == 2)
    }
}
