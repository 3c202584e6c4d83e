import Foundation
import Testing

/// A value with a control byte (CR, LF, …) from any AWS source that would go in an HTTP header is refused with
/// one sentence naming its source and exit 5, and never sent: the request that would carry it is never made
/// (issue 25). A profile or the environment that disables IMDSv1 never gets a request without a token.
/// Everything runs in a private network namespace (`NetworkSandbox`).
@Suite(.enabled(if: NetworkSandbox.available))
struct AWSHeaderSafetyTests {
    static let injected = "tok\r\nX-Injected: 1"
    static let key = AWSFixture.Key(id: "ASIAHEADERSAFETY0001", secret: "header-secret-Qw8Er4", token: "good-Ty6Ui2")
    static let badTokenKey = AWSFixture.Key(id: "ASIAHEADERSAFETY0002", secret: "header-secret-As3Df5", token: injected)

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        /// What the sentence must contain: the source's own name.
        var says: String
        /// The fixture API that must never have been called (the request that would carry the value).
        var neverCalled: String
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "AWS_SESSION_TOKEN", says: "AWS_SESSION_TOKEN holds a control character", neverCalled: "ecr"),
        Row(name: "AWS_ACCESS_KEY_ID", says: "AWS_ACCESS_KEY_ID holds a control character", neverCalled: "ecr"),
        Row(
            name: "AWS_CONTAINER_AUTHORIZATION_TOKEN", says: "AWS_CONTAINER_AUTHORIZATION_TOKEN holds a control",
            neverCalled: "container"),
        Row(
            name: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            says: "The token in the file AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names holds", neverCalled: "container"),
        Row(
            name: "credential_process", says: "The session token from the credential_process of profile 'build'",
            neverCalled: "ecr"),
        Row(
            name: "container reply", says: "The session token from the container credentials endpoint",
            neverCalled: "ecr"),
        Row(name: "instance metadata reply", says: "The session token from EC2 instance metadata", neverCalled: "ecr"),
        // Only the transports' one header gate stands in the way of this one (`make mutants`: header-check-removed).
        Row(name: "instance metadata token", says: "X-aws-ec2-metadata-token header", neverCalled: "imds-role"),
        Row(
            name: "INI continuation line", says: "The session token from profile 'default' in", neverCalled: "ecr")
    ]

    @Test(arguments: rows)
    func aControlByteIsRefusedAndNeverSent(_ row: Row) throws {
        let (world, environment) = try Self.world(for: row.name)
        let result = try world.login(environment: environment)
        #expect(result.exitCode == 5, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let sentences = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("[debug]") }
        #expect(sentences.count == 1 && sentences[0].hasPrefix("Error: "), "\(result.stderr)")
        #expect(result.stderr.contains(row.says), "\(result.stderr)")
        let made = try world.aws.requests()
        #expect(!made.contains { $0.api == row.neverCalled }, "\(made)")
        #expect(world.registryRequests.allSatisfy { $0.authorization == nil }, "\(world.registryRequests)")
        #expect(world.storedAuth == nil)
        SecretLeaks.expectNone(in: result, secrets: ["X-Injected", Self.key.secret, Self.badTokenKey.secret])
    }

    /// The world and environment of one row; instance metadata stays off except where the row uses it.
    static func world(for name: String) throws -> (ECRWorld, [String: String]) {
        let keys = [key, badTokenKey]
        let goodKeys = ["AWS_ACCESS_KEY_ID": key.id, "AWS_SECRET_ACCESS_KEY": key.secret]
        switch name {
        case "AWS_SESSION_TOKEN":
            return (try ECRWorld(keys: keys), goodKeys.merging(["AWS_SESSION_TOKEN": injected]) { $1 })
        case "AWS_ACCESS_KEY_ID":
            return (try ECRWorld(keys: keys), ["AWS_ACCESS_KEY_ID": "AKIA\nX", "AWS_SECRET_ACCESS_KEY": key.secret])
        case "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE":
            let world = try ECRWorld(
                keys: keys, extra: ["container": ["path": "/creds", "authorization": injected, "key": key.id]])
            var environment = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": world.aws.url + "/creds"]
            if name.hasSuffix("_FILE") {
                environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = try world.home.write("token", injected + "\n")
            } else {
                environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = injected
            }
            return (world, environment)
        case "credential_process":
            let world = try ECRWorld(keys: keys)
            let output =
                #"{"Version": 1, "AccessKeyId": "\#(key.id)", "SecretAccessKey": "\#(key.secret)", "SessionToken": "tok\r\nX-Injected: 1"}"#
            let script = try world.home.write("issue.sh", "#!/bin/sh\ncat <<'JSON'\n\(output)\nJSON\n")
            let config = try world.home.write("config", "[profile build]\ncredential_process = /bin/sh \(script)\n")
            return (
                world,
                [
                    "AWS_PROFILE": "build", "AWS_CONFIG_FILE": config,
                    "AWS_SHARED_CREDENTIALS_FILE": world.home.file("none")
                ]
            )
        case "container reply":
            let world = try ECRWorld(
                keys: keys, extra: ["container": ["path": "/creds", "authorization": NSNull(), "key": badTokenKey.id]])
            return (world, ["AWS_CONTAINER_CREDENTIALS_FULL_URI": world.aws.url + "/creds"])
        case "instance metadata reply", "instance metadata token":
            var imds: [String: Any] = ["role": "builder", "key": name.hasSuffix("reply") ? badTokenKey.id : key.id]
            if name.hasSuffix("token") { imds["token"] = injected }
            let world = try ECRWorld(keys: keys, extra: ["imds": imds])
            return (
                world,
                ["AWS_EC2_METADATA_SERVICE_ENDPOINT": world.aws.url, "AWS_EC2_METADATA_DISABLED": "false"]
            )
        default:  // INI continuation line: botocore's configparser continues the value on the indented line.
            let world = try ECRWorld(keys: keys)
            let credentials = try world.home.write(
                "credentials",
                "[default]\naws_access_key_id = \(key.id)\naws_secret_access_key = \(key.secret)\n"
                    + "aws_session_token = tok\n  X-Injected: 1\n")
            return (
                world,
                ["AWS_SHARED_CREDENTIALS_FILE": credentials, "AWS_CONFIG_FILE": world.home.file("none")]
            )
        }
    }

    /// An instance that speaks IMDSv1 only (the token PUT gets 403): policy falls back to requests without a
    /// token, as the SDKs do — unless the profile's `ec2_metadata_v1_disabled` or `AWS_EC2_METADATA_V1_DISABLED`
    /// says not to; then no request goes out without a token, and the sentence says why.
    @Test(arguments: ["none", "profile", "environment"])
    func imdsV1IsUsedOnlyWhenAllowed(_ disabledBy: String) throws {
        let world = try ECRWorld(
            keys: [Self.key], extra: ["imds": ["role": "builder", "key": Self.key.id, "v1_only": true]])
        var environment = [
            "AWS_EC2_METADATA_SERVICE_ENDPOINT": world.aws.url, "AWS_EC2_METADATA_DISABLED": "false",
            "AWS_SHARED_CREDENTIALS_FILE": world.home.file("none"), "AWS_CONFIG_FILE": world.home.file("none")
        ]
        if disabledBy == "profile" {
            environment["AWS_CONFIG_FILE"] = try world.home.write(
                "config", "[default]\nregion = eu-west-1\nec2_metadata_v1_disabled = true\n")
        } else if disabledBy == "environment" {
            environment["AWS_EC2_METADATA_V1_DISABLED"] = "true"
        }
        let result = try world.login(environment: environment)
        let apis = try world.aws.requests().compactMap(\.api)
        if disabledBy == "none" {
            try AWSCredentialSourceTests.expectLoggedIn(result, world, key: Self.key.id)
            #expect(apis == ["imds-token", "imds-role", "imds-credentials", "ecr"])
        } else {
            #expect(result.exitCode == 3, "\(result.stderr)")
            #expect(result.stderr.contains("IMDSv1 is disabled"), "\(result.stderr)")
            #expect(apis == ["imds-token"], "no request without a token: \(apis)")
        }
    }
}
