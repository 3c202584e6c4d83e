import Foundation
import Testing

/// `policy login -s <ECR host>` with no password: each AWS credential source logs in through the built binary.
/// The fixture verifies every signature with botocore and records the access key it saw; the registry is
/// the ECR fixture under its real name. All of it runs in a private network namespace (`NetworkSandbox`):
/// no test can reach 169.254.169.254 or 169.254.170.2.
@Suite(.enabled(if: NetworkSandbox.available))
struct AWSCredentialSourceTests {
    static let environmentKey = AWSFixture.Key(id: "AKIAENVIRONMENT00001", secret: "env-secret-Wq3ZbX9y")
    static let sessionKey = AWSFixture.Key(
        id: "ASIASESSION000000001", secret: "session-secret-Lp4Rt8", token: "session-token-Hm2Vc7Kd")

    /// Login Succeeded, `AWS:<password>` stored exactly as the pipe would, the expiry shown, one ECR call
    /// signed validly with `key`.
    static func expectLoggedIn(
        _ result: ProcessResult, _ world: ECRWorld, key: String, api: String = "ecr",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(result.exitCode == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout == "Login Succeeded\n", sourceLocation: sourceLocation)
        #expect(world.storedAuth == world.expectedAuth, sourceLocation: sourceLocation)
        #expect(result.stderr.contains("The password expires"), "\(result.stderr)", sourceLocation: sourceLocation)
        let calls = try world.requests(api)
        #expect(
            calls.count == 1 && calls.allSatisfy { $0.key == key && $0.signature == "valid" && $0.status == 200 },
            "\(calls)", sourceLocation: sourceLocation)
        #expect(
            world.registryRequests.contains { $0.authorization == "Basic" || $0.authorization == "Bearer" },
            sourceLocation: sourceLocation)
    }

    @Test func environmentKeysLogIn() throws {
        let world = try ECRWorld(keys: [Self.environmentKey])
        let result = try world.login(environment: [
            "AWS_ACCESS_KEY_ID": Self.environmentKey.id,
            "AWS_SECRET_ACCESS_KEY": Self.environmentKey.secret
        ])
        try Self.expectLoggedIn(result, world, key: Self.environmentKey.id)
        #expect(result.stderr.contains("AWS credentials from the environment (AWS_ACCESS_KEY_ID)"), "\(result.stderr)")
    }

    /// `-u AWS` with no password is the same login.
    @Test func aSessionTokenIsSignedAndSentWithTheUserAWS() throws {
        let world = try ECRWorld(keys: [Self.sessionKey])
        let result = try world.login(
            ["-u", "AWS"],
            environment: [
                "AWS_ACCESS_KEY_ID": Self.sessionKey.id, "AWS_SECRET_ACCESS_KEY": Self.sessionKey.secret,
                "AWS_SESSION_TOKEN": Self.sessionKey.token!
            ])
        try Self.expectLoggedIn(result, world, key: Self.sessionKey.id)
    }

    static let webKey = AWSFixture.Key(
        id: "ASIAWEBIDENTITY00001", secret: "web-secret-Yt6Nm1", token: "web-session-token-Qa8Zx2")
    static let roleARN = "arn:aws:iam::123456789012:role/ci-push"
    static let webIdentityToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9yZy9wb2xpY3kifQ.web-identity-signature"

    static func webIdentityWorld(extraKeys: [AWSFixture.Key] = []) throws -> (ECRWorld, [String: String]) {
        let world = try ECRWorld(
            keys: [webKey] + extraKeys,
            extra: [
                "web_identity": ["token": webIdentityToken, "role_arn": roleARN, "key": webKey.id]
            ])
        let tokenFile = try world.home.write("web-identity-token", webIdentityToken + "\n")
        return (world, ["AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": roleARN])
    }

    /// GitHub Actions OIDC and EKS IRSA: the token file is exchanged at STS (unsigned, form POST, XML reply)
    /// for temporary keys, which then sign GetAuthorizationToken.
    @Test func webIdentityLogsIn() throws {
        let (world, environment) = try Self.webIdentityWorld()
        let result = try world.login(environment: environment)
        try Self.expectLoggedIn(result, world, key: Self.webKey.id)
        let sts = try world.requests("sts")
        #expect(
            sts.count == 1 && sts[0].status == 200 && sts[0].key == nil && sts[0].roleARN == Self.roleARN, "\(sts)")
        #expect(
            result.stderr.contains("web identity (AWS_WEB_IDENTITY_TOKEN_FILE, role \(Self.roleARN))"),
            "\(result.stderr)")
    }

    /// The SDKs' order: environment keys first, so STS is never asked.
    @Test func environmentKeysBeatWebIdentity() throws {
        let (world, webEnvironment) = try Self.webIdentityWorld(extraKeys: [Self.environmentKey])
        let result = try world.login(
            environment: webEnvironment.merging([
                "AWS_ACCESS_KEY_ID": Self.environmentKey.id, "AWS_SECRET_ACCESS_KEY": Self.environmentKey.secret
            ]) { $1 })
        try Self.expectLoggedIn(result, world, key: Self.environmentKey.id)
        #expect(try world.requests("sts").isEmpty)
    }

    static let credentialsFileKey = AWSFixture.Key(id: "AKIACREDENTIALSFILE1", secret: "file-secret-Ui9Ko3")
    static let configFileKey = AWSFixture.Key(id: "AKIACONFIGFILE000001", secret: "config-secret-Bn5Mj7")

    /// `AWS_PROFILE` picks `[ci]` in the credentials file; its keys beat the same profile's keys in the config
    /// file (`[profile ci]`), and the `[default]` profile is not used.
    @Test func aProfileInTheSharedCredentialsFileLogsIn() throws {
        let world = try ECRWorld(keys: [Self.credentialsFileKey, Self.configFileKey])
        let credentials = try world.home.write(
            "credentials",
            """
            [default]
            aws_access_key_id = AKIADEFAULTPROFILE01
            aws_secret_access_key = default-secret

            [ci]
            aws_access_key_id = \(Self.credentialsFileKey.id)
            aws_secret_access_key = \(Self.credentialsFileKey.secret)
            """)
        let config = try world.home.write(
            "config",
            """
            [profile ci]
            region = eu-west-1
            aws_access_key_id = \(Self.configFileKey.id)
            aws_secret_access_key = \(Self.configFileKey.secret)
            """)
        let result = try world.login(environment: [
            "AWS_PROFILE": "ci", "AWS_SHARED_CREDENTIALS_FILE": credentials,
            "AWS_CONFIG_FILE": config
        ])
        try Self.expectLoggedIn(result, world, key: Self.credentialsFileKey.id)
        #expect(result.stderr.contains("profile 'ci' in \(credentials)"), "\(result.stderr)")
    }

    /// `~/.aws/config` found through HOME, `[default]` when AWS_PROFILE is unset.
    @Test func theDefaultProfileInTheHomeDirectoryLogsIn() throws {
        let world = try ECRWorld(keys: [Self.configFileKey])
        try FileManager.default.createDirectory(atPath: world.sandbox.home + "/.aws", withIntermediateDirectories: true)
        try Data(
            "[default]\naws_access_key_id=\(Self.configFileKey.id)\naws_secret_access_key=\(Self.configFileKey.secret)\n"
                .utf8
        )
        .write(to: URL(fileURLWithPath: world.sandbox.home + "/.aws/config"))
        let result = try world.login(environment: [:])
        try Self.expectLoggedIn(result, world, key: Self.configFileKey.id)
    }

    static let processKey = AWSFixture.Key(
        id: "ASIACREDPROCESS00001", secret: "process-secret-Gh4Df6", token: "process-token-Rt7Yu1")

    /// `credential_process` runs (through /bin/sh, bounded like a credential helper) and its JSON signs.
    @Test func aCredentialProcessLogsIn() throws {
        let world = try ECRWorld(keys: [Self.processKey])
        let output =
            #"{"Version": 1, "AccessKeyId": "\#(Self.processKey.id)", "SecretAccessKey": "\#(Self.processKey.secret)", "SessionToken": "\#(Self.processKey.token!)", "Expiration": "2099-01-01T00:00:00Z"}"#
        let script = try world.home.write("issue-credentials.sh", "#!/bin/sh\ncat <<'JSON'\n\(output)\nJSON\n")
        let config = try world.home.write(
            "config", "[profile build]\ncredential_process = /bin/sh \(script) --role build\n")
        let result = try world.login(environment: [
            "AWS_PROFILE": "build", "AWS_CONFIG_FILE": config,
            "AWS_SHARED_CREDENTIALS_FILE": world.home.file("none")
        ])
        try Self.expectLoggedIn(result, world, key: Self.processKey.id)
        #expect(result.stderr.contains("credential_process of profile 'build'"), "\(result.stderr)")
    }

    static let containerKey = AWSFixture.Key(
        id: "ASIACONTAINER0000001", secret: "container-secret-Op2Iu8", token: "container-token-Kl3Jh5")
    static let containerAuthorization = "container-authorization-Zx9Cv1"

    /// ECS and EKS Pod Identity: `AWS_CONTAINER_CREDENTIALS_FULL_URI` (loopback, plain HTTP allowed) with the
    /// authorization token read from its file.
    @Test func theContainerEndpointLogsIn() throws {
        let world = try ECRWorld(
            keys: [Self.containerKey],
            extra: [
                "container": [
                    "path": "/v2/credentials/pod", "authorization": Self.containerAuthorization,
                    "key": Self.containerKey.id
                ]
            ])
        let tokenFile = try world.home.write("eks-pod-identity-token", Self.containerAuthorization)
        let result = try world.login(environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": world.aws.url + "/v2/credentials/pod",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile
        ])
        try Self.expectLoggedIn(result, world, key: Self.containerKey.id)
        #expect(try world.requests("container").map(\.status) == [200])
    }

    static let instanceKey = AWSFixture.Key(
        id: "ASIAINSTANCEROLE0001", secret: "instance-secret-Vb6Nm4", token: "instance-token-Xs5Dc2")

    /// IMDSv2 at `AWS_EC2_METADATA_SERVICE_ENDPOINT`: the token PUT, the role, its credentials.
    @Test func instanceMetadataLogsIn() throws {
        let world = try ECRWorld(
            keys: [Self.instanceKey], extra: ["imds": ["role": "ec2-builder", "key": Self.instanceKey.id]])
        var environment = ["AWS_EC2_METADATA_SERVICE_ENDPOINT": world.aws.url]
        environment["AWS_EC2_METADATA_DISABLED"] = "false"
        let result = try world.login(environment: environment)
        try Self.expectLoggedIn(result, world, key: Self.instanceKey.id)
        #expect(try world.aws.requests().compactMap(\.api) == ["imds-token", "imds-role", "imds-credentials", "ecr"])
        #expect(result.stderr.contains("EC2 instance metadata (role ec2-builder)"), "\(result.stderr)")
    }

    /// ECR Public: service `ecr-public`, region us-east-1, its own target; the registry's token service takes
    /// the password.
    @Test func ecrPublicLogsIn() throws {
        let world = try ECRWorld(keys: [Self.environmentKey], public: true)
        let result = try world.login(environment: [
            "AWS_ACCESS_KEY_ID": Self.environmentKey.id,
            "AWS_SECRET_ACCESS_KEY": Self.environmentKey.secret
        ])
        try Self.expectLoggedIn(result, world, key: Self.environmentKey.id, api: "ecr-public")
        #expect(try world.requests("ecr").isEmpty)
    }
}
