import Testing

@testable import RegistryAuth

struct ChallengeParserTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var header: String
        var expected: [Challenge]
        var testDescription: String { header }
    }

    /// Real challenges from registries.md plus RFC 7235 corner cases.
    static let good: [Row] = [
        Row(
            header: #"Bearer realm="https://auth.docker.io/token",service="registry.docker.io""#,
            expected: [
                Challenge(
                    scheme: "bearer",
                    parameters: ["realm": "https://auth.docker.io/token", "service": "registry.docker.io"])
            ]),
        Row(
            header: #"Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull""#,
            expected: [
                Challenge(
                    scheme: "bearer",
                    parameters: [
                        "realm": "https://ghcr.io/token", "service": "ghcr.io",
                        "scope": "repository:user/image:pull"
                    ])
            ]),
        Row(
            header: #"Bearer realm="https://gcr.io/v2/token",service="gcr.io""#,
            expected: [
                Challenge(scheme: "bearer", parameters: ["realm": "https://gcr.io/v2/token", "service": "gcr.io"])
            ]),
        Row(
            header: #"Bearer realm="https://us-central1-docker.pkg.dev/v2/token""#,
            expected: [
                Challenge(scheme: "bearer", parameters: ["realm": "https://us-central1-docker.pkg.dev/v2/token"])
            ]),
        Row(
            header: #"Basic realm="https://1234.dkr.ecr.eu-west-2.amazonaws.com/",service="ecr.amazonaws.com""#,
            expected: [
                Challenge(
                    scheme: "basic",
                    parameters: [
                        "realm": "https://1234.dkr.ecr.eu-west-2.amazonaws.com/", "service": "ecr.amazonaws.com"
                    ])
            ]),
        Row(
            header:
                #"Bearer realm="https://NAME.azurecr.io/oauth2/token",service="NAME.azurecr.io",error="invalid_token""#,
            expected: [
                Challenge(
                    scheme: "bearer",
                    parameters: [
                        "realm": "https://NAME.azurecr.io/oauth2/token",
                        "service": "NAME.azurecr.io", "error": "invalid_token"
                    ])
            ]),
        Row(
            header: #"Bearer realm="https://gitlab.com/jwt/auth",service="container_registry""#,
            expected: [
                Challenge(
                    scheme: "bearer",
                    parameters: ["realm": "https://gitlab.com/jwt/auth", "service": "container_registry"])
            ]),
        Row(
            header: #"Bearer realm="http://192.168.1.11:8090/service/token",service="harbor-registry""#,
            expected: [
                Challenge(
                    scheme: "bearer",
                    parameters: ["realm": "http://192.168.1.11:8090/service/token", "service": "harbor-registry"])
            ]),
        Row(
            header: #"Basic realm="Artifactory Realm""#,
            expected: [Challenge(scheme: "basic", parameters: ["realm": "Artifactory Realm"])]),
        Row(
            header:
                #"Bearer realm="https://codeberg.org/v2/token",service="container_registry",scope="*",Basic realm="https://codeberg.org/v2",service="container_registry",scope="*""#,
            expected: [
                Challenge(
                    scheme: "bearer",
                    parameters: [
                        "realm": "https://codeberg.org/v2/token", "service": "container_registry", "scope": "*"
                    ]),
                Challenge(
                    scheme: "basic",
                    parameters: ["realm": "https://codeberg.org/v2", "service": "container_registry", "scope": "*"])
            ]),
        Row(
            header: #"Basic realm="Registry Realm""#,
            expected: [Challenge(scheme: "basic", parameters: ["realm": "Registry Realm"])]),
        // Case-insensitive scheme and parameter names, unquoted values, optional whitespace, stray commas.
        Row(
            header: #"BEARER Realm="https://r.example/token" , SERVICE = reg ,,"#,
            expected: [Challenge(scheme: "bearer", parameters: ["realm": "https://r.example/token", "service": "reg"])]),
        Row(header: #", , Basic realm="a""#, expected: [Challenge(scheme: "basic", parameters: ["realm": "a"])]),
        // Empty list elements between the scheme and its first parameter (RFC 7230 §7).
        Row(
            header: #"Bearer ,realm="https://a/t", ,service=s"#,
            expected: [Challenge(scheme: "bearer", parameters: ["realm": "https://a/t", "service": "s"])]),
        // Escapes inside quoted strings.
        Row(
            header: #"Basic realm="say \"hi\" \\ there""#,
            expected: [Challenge(scheme: "basic", parameters: ["realm": #"say "hi" \ there"#])]),
        Row(header: #"Basic realm="a,b=c""#, expected: [Challenge(scheme: "basic", parameters: ["realm": "a,b=c"])]),
        // token68 and bare schemes.
        Row(header: "Negotiate abc+/def==", expected: [Challenge(scheme: "negotiate", token68: "abc+/def==")]),
        Row(
            header: "Negotiate, Basic realm=x",
            expected: [Challenge(scheme: "negotiate"), Challenge(scheme: "basic", parameters: ["realm": "x"])]),
        Row(header: "Basic", expected: [Challenge(scheme: "basic")]),
        // `realm=` alone is a valid token68 (trailing "=" is padding), not an empty parameter.
        Row(header: "Bearer realm=", expected: [Challenge(scheme: "bearer", token68: "realm=")]),
        // The first of duplicate parameters wins.
        Row(
            header: #"Bearer realm="first",realm="second""#,
            expected: [Challenge(scheme: "bearer", parameters: ["realm": "first"])]),
        Row(
            header: "Basic realm=\"tab\there\"",
            expected: [Challenge(scheme: "basic", parameters: ["realm": "tab\there"])])
    ]

    @Test(arguments: good)
    func parses(_ row: Row) throws {
        #expect(try ChallengeParser.parse(row.header) == row.expected)
    }

    struct BadRow: CustomTestStringConvertible, Sendable {
        var header: String
        var reason: ChallengeParseError.Reason
        var testDescription: String { header.debugDescription }
    }

    static let bad: [BadRow] = [
        BadRow(header: "", reason: .empty),
        BadRow(header: " , ,", reason: .empty),
        BadRow(header: #"Bearer realm="unterminated"#, reason: .unterminatedQuotedString),
        BadRow(header: #"Bearer realm="ends in backslash\"#, reason: .unterminatedQuotedString),
        BadRow(header: "Bearer realm=,service=x", reason: .invalidCharacter),
        BadRow(header: "Bearer realm=\"x\", service=", reason: .expectedParameterValue),
        BadRow(header: "Bearer realm=\"x\", service=,", reason: .expectedParameterValue),
        BadRow(header: "Basic realm=\"x\" , =y", reason: .expectedScheme),
        BadRow(header: "Bearer realm=\"bell\u{07}\"", reason: .invalidCharacter),
        BadRow(header: "Bearer realm=\"nul\u{00}\"", reason: .invalidCharacter),
        BadRow(header: #"Bearer realm="x" junk"#, reason: .invalidCharacter),
        BadRow(header: #"=realm"#, reason: .expectedScheme),
        BadRow(header: #""quoted" realm=x"#, reason: .expectedScheme),
        BadRow(header: "Bearer@ realm=x", reason: .invalidCharacter),
        BadRow(header: "Bearer realm=a b", reason: .invalidCharacter)
    ]

    @Test(arguments: bad)
    func rejects(_ row: BadRow) {
        #expect(throws: ChallengeParseError.self) { try ChallengeParser.parse(row.header) }
        do {
            _ = try ChallengeParser.parse(row.header)
        } catch {
            #expect(error.reason == row.reason)
        }
    }

    @Test func parsesSeveralHeaderValuesInOrder() throws {
        let challenges = try ChallengeParser.parse(headerValues: [#"Basic realm="a""#, #"Bearer realm="https://t/""#])
        #expect(challenges.map(\.scheme) == ["basic", "bearer"])
    }

    @Test func longValuesStayBounded() throws {
        let huge = String(repeating: "x", count: 10_000)
        let parsed = try ChallengeParser.parse("Basic realm=\"\(huge)\"")
        #expect(parsed.first?.parameters["realm"]?.count == 10_000)
    }

    struct SelectRow: Sendable, CustomTestStringConvertible {
        var header: String
        var expected: AuthChallenge?
        var testDescription: String { header }
    }

    static let selections: [SelectRow] = [
        SelectRow(
            header: #"Bearer realm="https://a/t",service="s",scope="x""#,
            expected: .bearer(realm: "https://a/t", service: "s", scope: "x")),
        SelectRow(
            header: #"Bearer realm="https://a/t""#, expected: .bearer(realm: "https://a/t", service: nil, scope: nil)),
        SelectRow(
            header: #"Bearer realm="https://a/t",service="""#,
            expected: .bearer(realm: "https://a/t", service: nil, scope: nil)),
        SelectRow(header: #"Basic realm="r""#, expected: .basic),
        SelectRow(
            header: #"Basic realm="r", Bearer realm="https://a/t""#,
            expected: .bearer(realm: "https://a/t", service: nil, scope: nil)),
        SelectRow(header: #"Bearer service="no realm", Basic realm="r""#, expected: .basic),
        SelectRow(header: "Negotiate abc==", expected: nil),
        SelectRow(header: "Bearer realm=", expected: nil),
        SelectRow(header: #"Bearer service="no realm""#, expected: nil)
    ]

    @Test(arguments: selections)
    func selectsTheChallengeToAnswer(_ row: SelectRow) throws {
        #expect(AuthChallenge.select(from: try ChallengeParser.parse(row.header)) == row.expected)
    }
}
