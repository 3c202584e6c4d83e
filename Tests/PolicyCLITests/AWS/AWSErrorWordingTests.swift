import PolicyBase
import Testing

@testable import CredentialStore
@testable import PolicyCLI
@testable import RegistryAuth

/// The error mapping of a native ECR login: every failure renders as one line with its documented exit code,
/// names what it should, and shows no secret even when AWS quoted one back.
struct AWSErrorWordingTests {
    static let secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCY"
    static let server = try! RegistryAddress(parsing: "123456789012.dkr.ecr.eu-west-1.amazonaws.com")
    static let registry = ECRRegistry(host: "123456789012.dkr.ecr.eu-west-1.amazonaws.com")!
    static let publicServer = try! RegistryAddress(parsing: "public.ecr.aws")
    static let publicRegistry = ECRRegistry(host: "public.ecr.aws")!
    static let api = "api.ecr.eu-west-1.amazonaws.com"
    static let now = 1_800_000_000

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var error: any ReportableError & Sendable
        var exitCode: ExitCode
        var contains: [String]
        var lacks: [String] = []
        var testDescription: String { name }
    }

    static func refusal(_ code: String?, status: Int = 400, message: String? = nil, date: Int? = nil) -> AWSCallError {
        .service(
            AWSServiceError(
                host: api, status: status, code: code.map { OutsideText($0) }, message: message.map { OutsideText($0) },
                serverDate: date))
    }

    static func ecr(
        _ error: AWSCallError, source: AWSCredentialSource = .environment, registry: ECRRegistry = registry,
        server: RegistryAddress = server
    ) -> ECRTokenFailure {
        ECRTokenFailure(server: server, registry: registry, source: source, error: error, now: now)
    }

    static func source(_ source: AWSCredentialSource, _ problem: AWSSourceFailure.Problem) -> AWSSourceFailure {
        AWSSourceFailure(server: server, source: source, problem: problem)
    }

    static let rows: [Row] = [
        Row(
            name: "no credentials",
            error: AWSCredentialsNotFound(
                server: server, registry: registry,
                tried: [
                    .environmentUnset, .webIdentityUnset,
                    .profile(
                        name: "default", exists: false, credentialsFile: "/h/.aws/credentials",
                        configFile: "/h/.aws/config"),
                    .containerUnset,
                    .instanceMetadata(endpoint: "http://169.254.169.254/", .noAnswer(.timedOut(seconds: 1)))
                ]), exitCode: .credentialsRejected,
            contains: [
                "No AWS credentials found", "AWS_ACCESS_KEY_ID is not set",
                "in neither /h/.aws/credentials nor /h/.aws/config",
                "no answer from http://169.254.169.254/",
                "aws ecr get-login-password --region eu-west-1 | policy login -s \(server)"
            ]),
        Row(
            name: "no credentials, ECR Public",
            error: AWSCredentialsNotFound(
                server: publicServer, registry: publicRegistry,
                tried: [.instanceMetadataDisabled]),
            exitCode: .credentialsRejected,
            contains: ["aws ecr-public get-login-password --region us-east-1", "AWS_EC2_METADATA_DISABLED"]),
        Row(
            name: "AccessDenied names the IAM action",
            error: ecr(
                refusal(
                    "AccessDeniedException",
                    message: "User: arn:aws:iam::1:user/ci is not authorized to perform: ecr:GetAuthorizationToken")),
            exitCode: .credentialsRejected,
            contains: [
                "must allow ecr:GetAuthorizationToken", "the environment (AWS_ACCESS_KEY_ID)", "AccessDeniedException"
            ]),
        Row(
            name: "AccessDenied on ECR Public names both actions",
            error: ecr(
                refusal("AccessDeniedException"), registry: publicRegistry,
                server: publicServer),
            exitCode: .credentialsRejected, contains: ["ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken"]
        ),
        Row(
            name: "a wrong secret",
            error: ecr(
                refusal("InvalidSignatureException", message: "The request signature we calculated does not match")),
            exitCode: .credentialsRejected, contains: ["the secret access key does not belong to the access key id"],
            lacks: ["clock"]),
        Row(
            name: "a skewed clock",
            error: ecr(
                refusal("InvalidSignatureException", status: 403, message: "Signature expired", date: now - 3720)),
            exitCode: .credentialsRejected, contains: ["this machine's clock is 1 h 2 min ahead of AWS's", "NTP"]),
        Row(
            name: "a clock behind", error: ecr(refusal("InvalidSignatureException", date: now + 600)),
            exitCode: .credentialsRejected,
            contains: ["10 min behind AWS's"]),
        Row(
            name: "a skew seen a moment after policy started is still the hour",
            error: ecr(refusal("InvalidSignatureException", date: now - 3600 + 2)),
            exitCode: .credentialsRejected, contains: ["this machine's clock is 1 h ahead of AWS's"]),
        Row(
            name: "a small skew is not the cause", error: ecr(refusal("InvalidSignatureException", date: now - 60)),
            exitCode: .credentialsRejected,
            contains: ["does not belong"], lacks: ["clock"]),
        Row(
            name: "an expired session token names its source",
            error: ecr(refusal("ExpiredTokenException"), source: .profile(name: "ci", file: "/h/.aws/credentials")),
            exitCode: .credentialsRejected,
            contains: ["session token", "expired", "profile 'ci' in /h/.aws/credentials"]),
        Row(
            name: "an unrecognised key or token",
            error: ecr(refusal("UnrecognizedClientException"), source: .instanceMetadata(role: "builder")),
            exitCode: .credentialsRejected, contains: ["does not recognise", "EC2 instance metadata (role builder)"]),
        Row(
            name: "throttling", error: ecr(refusal("ThrottlingException", message: "Rate exceeded")),
            exitCode: .network,
            contains: ["throttled", "try again"]),
        Row(
            name: "a failing service", error: ecr(refusal("ServerException", status: 500)), exitCode: .network,
            contains: ["try again later"]),
        Row(
            name: "an unknown refusal with 403", error: ecr(refusal(nil, status: 403)), exitCode: .credentialsRejected,
            contains: ["HTTP 403"]),
        Row(
            name: "an unknown 400 quoting a secret in play",
            error: ecr(
                .service(
                    AWSServiceError(
                        response: HTTPResponse(
                            status: 400,
                            body: Array(#"{"__type":"ValidationException","message":"bad \#(secret)"}"#.utf8)),
                        host: api, redacting: Redaction([secret])))), exitCode: .network,
            contains: ["ValidationException", "bad [redacted]"]),
        Row(
            name: "the network", error: ecr(.transport(host: api, .connectionRefused)), exitCode: .network,
            contains: ["\(api) refused the connection"], lacks: ["registry"]),
        Row(
            name: "a reply without a token",
            error: ecr(.invalidReply(host: api, missing: "authorizationData.authorizationToken")),
            exitCode: .network, contains: ["without authorizationData.authorizationToken"]),
        Row(
            name: "half the environment keys",
            error: source(.environment, .partialEnvironment(missing: "AWS_SECRET_ACCESS_KEY")),
            exitCode: .credentialsRejected, contains: ["AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"]),
        Row(
            name: "web identity without a role", error: source(.webIdentity(roleARN: ""), .missingRoleARN),
            exitCode: .credentialsRejected,
            contains: ["AWS_ROLE_ARN"]),
        Row(
            name: "an unreadable file",
            error: source(
                .profile(name: "default", file: "/h/.aws/config"),
                .store(.unreadable(path: "/h/.aws/config", errno: 13))),
            exitCode: .storage, contains: ["/h/.aws/config", "Permission denied"]),
        Row(
            name: "an empty token file",
            error: source(.webIdentity(roleARN: "arn:r"), .store(.unusableTokenFile(path: "/var/run/token"))),
            exitCode: .credentialsRejected, contains: ["/var/run/token", "empty"]),
        Row(
            name: "a profile that is nowhere",
            error: source(
                .profile(name: "x", file: "/c"),
                .store(
                    .profileNotFound(
                        profile: "x",
                        credentialsFile: "/h/.aws/credentials", configFile: "/h/.aws/config"))),
            exitCode: .credentialsRejected, contains: ["AWS_PROFILE", "[profile x]"]),
        Row(
            name: "half a profile's keys",
            error: source(
                .profile(name: "x", file: "/c"),
                .store(
                    .partialKeys(
                        profile: "x", file: "/c",
                        missing: "aws_secret_access_key"))), exitCode: .credentialsRejected,
            contains: ["aws_secret_access_key is missing"]),
        Row(
            name: "an SSO profile",
            error: source(
                .profile(name: "dev", file: "/c"), .store(.unsupportedProfile(profile: "dev", file: "/c", kind: .sso))),
            exitCode: .credentialsRejected,
            contains: ["IAM Identity Center", #"eval "$(aws configure export-credentials --profile dev --format env)""#]
        ),
        Row(
            name: "a role profile",
            error: source(
                .profile(name: "default", file: "/c"),
                .store(
                    .unsupportedProfile(
                        profile: "default", file: "/c",
                        kind: .assumeRole))), exitCode: .credentialsRejected,
            contains: ["role_arn", #"eval "$(aws configure export-credentials --format env)""#]),
        Row(
            name: "credential_process fails",
            error: source(
                .credentialProcess(profile: "p", file: "/c"),
                .store(
                    .process(
                        profile: "p", file: "/c",
                        .failed(status: .exited(1), message: "sso session expired")))), exitCode: .storage,
            contains: ["exit 1: sso session expired"]),
        Row(
            name: "credential_process hangs",
            error: source(
                .credentialProcess(profile: "p", file: "/c"),
                .store(
                    .process(
                        profile: "p", file: "/c",
                        .timedOut(seconds: 60)))), exitCode: .storage, contains: ["60 seconds", "POLICY_HELPER_TIMEOUT"]
        ),
        Row(
            name: "credential_process prints nonsense",
            error: source(
                .credentialProcess(profile: "p", file: "/c"),
                .store(
                    .process(
                        profile: "p",
                        file: "/c", .invalidOutput(reason: "its Version is not 1")))), exitCode: .storage,
            contains: ["its Version is not 1"]),
        Row(
            name: "STS refuses the token",
            error: source(.webIdentity(roleARN: "arn:r"), .call(refusal("InvalidIdentityToken"))),
            exitCode: .credentialsRejected, contains: ["STS refused the web identity token"]),
        Row(
            name: "STS: the role does not trust the provider",
            error: source(
                .webIdentity(roleARN: "arn:aws:iam::1:role/ci"),
                .call(refusal("AccessDenied", status: 403))), exitCode: .credentialsRejected,
            contains: ["arn:aws:iam::1:role/ci", "trust policy"]),
        Row(
            name: "STS unreachable",
            error: source(
                .webIdentity(roleARN: "arn:r"),
                .call(
                    .transport(
                        host: "sts.eu-west-1.amazonaws.com",
                        .timedOut(seconds: 30)))), exitCode: .network,
            contains: ["sts.eu-west-1.amazonaws.com did not answer within 30 seconds"]),
        Row(
            name: "the container endpoint refuses the token",
            error: source(
                .container(url: "http://169.254.170.23/v1/credentials"),
                .call(refusal(nil, status: 401))), exitCode: .credentialsRejected,
            contains: ["AWS_CONTAINER_AUTHORIZATION_TOKEN"]),
        Row(
            name: "an endpoint override that is no URL",
            error: source(
                .environment,
                .invalidEndpoint(
                    .init(
                        variable: "AWS_ENDPOINT_URL_ECR",
                        value: "ecr.local"))), exitCode: .usage, contains: ["AWS_ENDPOINT_URL_ECR", "ecr.local"]),
        Row(
            name: "a container URL the SDKs refuse",
            error: source(.container(url: "http://10.0.0.1/"), .disallowedContainerURL("http://10.0.0.1/")),
            exitCode: .usage, contains: ["AWS_CONTAINER_CREDENTIALS_FULL_URI", "HTTPS"])
    ]

    @Test(arguments: rows)
    func rendersOneLineWithTheDocumentedExitCode(_ row: Row) {
        let captured = CapturedOutput()
        let output = Output(sink: captured)
        output.protect(Self.secret)
        #expect(Policy.report(row.error, to: output) == row.exitCode)
        let text = captured.standardError
        #expect(text.hasPrefix("Error: ") && text.hasSuffix(".\n") && text.filter { $0 == "\n" }.count == 1, "\(text)")
        for part in row.contains { #expect(text.contains(part), "\(part) missing: \(text)") }
        for part in row.lacks { #expect(!text.contains(part), "\(part) present: \(text)") }
        #expect(!text.contains(Self.secret))
    }

    /// `status --verify` advises the native refresh for ECR logins only.
    @Test func statusAdvisesTheRefreshForECROnly() {
        let rows = [(Self.server.key, StatusRow.State.expired), ("ghcr.io", .rejected)].map { key, state in
            var row = StatusRow(
                StoredRegistry(
                    name: key, address: try? RegistryAddress(parsing: key),
                    logins: [StoredLogin(key: key, credentials: Credentials(username: "u", secret: "s"), choice: .file)]
                ),
                isDefault: false)
            row.state = state
            return row
        }
        let sentence = StatusProblem(rows)?.sentence ?? ""
        #expect(
            sentence.contains("'policy login -s \(Self.server.key)' gets a new ECR password with your AWS credentials"))
        #expect(!sentence.contains("'policy login -s ghcr.io'"))
    }
}
