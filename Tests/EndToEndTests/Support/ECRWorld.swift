import Foundation

/// An ECR registry under its real name and the AWS side of a native login (`AWSFixture`), both inside one
/// `NetworkSandbox`, with a config directory of the test's own. Every AWS endpoint variable points at the
/// fixture and instance metadata is disabled unless a test says otherwise.
final class ECRWorld {
    static let privateName = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
    static let publicName = "public.ecr.aws"

    let sandbox: NetworkSandbox
    let registry: NamedRegistry
    let aws: AWSFixture
    let name: String
    /// The password GetAuthorizationToken hands out and the registry accepts: ECR's own form, 12 hours.
    let password: String
    let home: TemporaryDirectory

    init(
        keys: [AWSFixture.Key], public isPublic: Bool = false, fixtureRegion: String = "eu-west-1",
        extra: [String: Any] = [:]
    ) throws {
        sandbox = try NetworkSandbox()
        name = isPublic ? Self.publicName : Self.privateName
        password = ExpiryTests.ecrPassword(expiration: Int(Date().timeIntervalSince1970) + 12 * 3600)
        registry = try NamedRegistry(
            isPublic ? .ecrpublic : .ecr, names: [name], credentials: ["password": password], sandbox: sandbox)
        try sandbox.map(registry.hosts)
        aws = try AWSFixture(in: sandbox, region: fixtureRegion, password: password, keys: keys, extra: extra)
        home = try TemporaryDirectory()
    }

    /// The endpoint overrides, and instance metadata off.
    var endpoints: [String: String] {
        [
            "AWS_ENDPOINT_URL_ECR": aws.url, "AWS_ENDPOINT_URL_ECR_PUBLIC": aws.url, "AWS_ENDPOINT_URL_STS": aws.url,
            "AWS_EC2_METADATA_DISABLED": "true"
        ]
    }

    /// `policy login -s <name> --ca-file … -c <home> <arguments>` inside the sandbox.
    func login(_ arguments: [String] = [], environment: [String: String], stdin: String? = nil) throws -> ProcessResult
    {
        try policy(
            ["login", "-s", name, "--ca-file", registry.caFile] + arguments, environment: environment, stdin: stdin)
    }

    /// Any policy command with `-c <home>`, inside the sandbox, with the endpoints and `environment`.
    func policy(_ arguments: [String], environment: [String: String], stdin: String? = nil) throws -> ProcessResult {
        try sandbox.policy(
            arguments + ["-c", home.path], stdin: stdin, environment: endpoints.merging(environment) { $1 })
    }

    /// The `auth` stored for the registry, if any.
    var storedAuth: String? {
        (try? home.read("config.json")).flatMap { try? ConfigJSON($0).auth(name) }
    }

    /// What the pipe would have stored: `base64("AWS:<password>")`.
    var expectedAuth: String { SecretLeaks.basic("AWS", password) }

    /// The requests the registry received (none before its log is first written).
    var registryRequests: [NamedRegistry.Request] {
        (try? registry.requests()) ?? []
    }

    /// The requests the fixture answered for `api` (`ecr`, `ecr-public`, `sts`, `container`, `imds-…`).
    func requests(_ api: String) throws -> [AWSFixture.Request] {
        try aws.requests().filter { $0.api == api }
    }
}
