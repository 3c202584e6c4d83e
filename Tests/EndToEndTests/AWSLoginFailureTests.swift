import Foundation
import Testing

/// Native ECR login: what must not happen, and the one sentence and exit code for each failure. Runs in a
/// private network namespace like `AWSCredentialSourceTests`.
@Suite(.enabled(if: NetworkSandbox.available))
struct AWSLoginFailureTests {
    static let key = AWSCredentialSourceTests.environmentKey

    static func keys(_ key: AWSFixture.Key, secret: String? = nil) -> [String: String] {
        ["AWS_ACCESS_KEY_ID": key.id, "AWS_SECRET_ACCESS_KEY": secret ?? key.secret]
    }

    /// The seed's pipe is unchanged: a password on stdin (or `-p`) wins, with AWS keys set, and no AWS call.
    @Test func aGivenPasswordMakesNoAWSCall() throws {
        let world = try ECRWorld(keys: [Self.key])
        let piped = try world.login(
            ["-u", "AWS", "--password-stdin"], environment: Self.keys(Self.key), stdin: world.password + "\n")
        #expect(piped.exitCode == 0, "\(piped.stderr)")
        #expect(world.storedAuth == world.expectedAuth)
        let argument = try world.login(["-u", "AWS", "-p", world.password], environment: Self.keys(Self.key))
        #expect(argument.exitCode == 0, "\(argument.stderr)")
        let calls = try world.aws.requests()
        #expect(calls.isEmpty, "an AWS call was made: \(calls)")
        #expect(!piped.stderr.contains("AWS credentials"), "\(piped.stderr)")
    }

    /// The guarantee every AWS test stands on: inside the sandbox there is no interface but loopback, so no
    /// address off this machine (169.254.169.254 and 169.254.170.2 included) can be reached. Checked without
    /// sending a packet: `ip` lists the interfaces and routes.
    @Test func theSandboxHasOnlyLoopback() throws {
        let sandbox = try NetworkSandbox()
        let links = try ProcessRunner.run(
            sandbox.enter[0], Array(sandbox.enter.dropFirst()) + ["/usr/sbin/ip", "-o", "link", "show"])
        #expect(links.exitCode == 0, "\(links.stderr)")
        let names = links.stdout.split(separator: "\n").compactMap {
            $0.split(separator: ":").dropFirst().first?.trimmingCharacters(in: .whitespaces)
        }
        #expect(names == ["lo"], "\(links.stdout)")
        let routes = try ProcessRunner.run(
            sandbox.enter[0], Array(sandbox.enter.dropFirst()) + ["/usr/sbin/ip", "-4", "route", "show"])
        #expect(
            routes.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            "a route leaves the sandbox: \(routes.stdout)")
    }

    /// No source has credentials: exit 3, the sources listed in the SDKs' order, no request to AWS, nothing stored.
    @Test func noCredentialsIsExit3WithNoAWSCall() throws {
        let world = try ECRWorld(keys: [Self.key])
        let result = try world.login(environment: [:])
        #expect(result.exitCode == 3, "\(result.stderr)")
        let order = [
            "the environment (AWS_ACCESS_KEY_ID is not set)", "web identity", "profile 'default'",
            "container credentials",
            "EC2 instance metadata (AWS_EC2_METADATA_DISABLED is true)"
        ]
        let positions = order.compactMap { result.stderr.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted(), "\(result.stderr)")
        #expect(result.stderr.contains("aws ecr get-login-password --region eu-west-1 | policy login -s \(world.name)"))
        #expect(try world.aws.requests().isEmpty)
        #expect(world.registryRequests.isEmpty)
        #expect(world.storedAuth == nil)
    }

    /// `AWS_EC2_METADATA_DISABLED=true` is honoured even with an endpoint that would answer.
    @Test func disabledInstanceMetadataIsNotAsked() throws {
        let instance = AWSCredentialSourceTests.instanceKey
        let world = try ECRWorld(keys: [instance], extra: ["imds": ["role": "ec2-builder", "key": instance.id]])
        let result = try world.login(environment: [
            "AWS_EC2_METADATA_SERVICE_ENDPOINT": world.aws.url, "AWS_EC2_METADATA_DISABLED": "true"
        ])
        #expect(result.exitCode == 3, "\(result.stderr)")
        let calls = try world.aws.requests()
        #expect(calls.isEmpty, "\(calls)")
    }

    /// A wrong secret: the fixture finds the signature invalid; exit 3 naming the key's source; nothing stored.
    @Test func aWrongSecretIsExit3AndStoresNothing() throws {
        let world = try ECRWorld(keys: [Self.key])
        let result = try world.login(environment: Self.keys(Self.key, secret: "not-the-secret-Qw1"))
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(
            result.stderr.contains("the secret access key does not belong to the access key id"), "\(result.stderr)")
        #expect(result.stderr.contains("the environment (AWS_ACCESS_KEY_ID)"), "\(result.stderr)")
        #expect(try world.requests("ecr").map(\.signature) == ["invalid"])
        #expect(world.registryRequests.isEmpty)
        #expect(world.storedAuth == nil)
        #expect(!result.stderr.contains("Canonical"), "the service's second line (the canonical request) is not quoted")
    }

    /// The fixture checks the region of the signature: signing for another region than the API's fails there.
    @Test func aSignatureForAnotherRegionIsRefused() throws {
        let world = try ECRWorld(keys: [Self.key], fixtureRegion: "eu-west-2")
        let result = try world.login(environment: Self.keys(Self.key))
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(try world.requests("ecr").map(\.signature) == ["invalid"])
    }

    @Test func anUnknownSessionTokenIsExit3() throws {
        let session = AWSCredentialSourceTests.sessionKey
        let world = try ECRWorld(keys: [session])
        let result = try world.login(
            environment: Self.keys(session).merging(["AWS_SESSION_TOKEN": "another-session-token"]) { $1 })
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(
            result.stderr.contains("does not recognise the access key id or session token from the environment"),
            "\(result.stderr)")
        #expect(world.storedAuth == nil)
    }

    @Test func anExpiredSessionTokenNamesItsSource() throws {
        var expired = AWSCredentialSourceTests.sessionKey
        expired.expired = true
        let world = try ECRWorld(keys: [expired])
        let result = try world.login(
            environment: Self.keys(expired).merging(["AWS_SESSION_TOKEN": expired.token!]) { $1 })
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "The session token of the AWS credentials from the environment (AWS_ACCESS_KEY_ID) has expired"),
            "\(result.stderr)")
    }

    @Test func accessDeniedNamesTheIAMAction() throws {
        var denied = Self.key
        denied.deny = true
        let world = try ECRWorld(keys: [denied])
        let result = try world.login(environment: Self.keys(denied))
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("must allow ecr:GetAuthorizationToken"), "\(result.stderr)")
        #expect(world.storedAuth == nil)
    }

    @Test func throttlingIsExit4() throws {
        var throttled = Self.key
        throttled.throttle = true
        let world = try ECRWorld(keys: [throttled])
        let result = try world.login(environment: Self.keys(throttled))
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(result.stderr.contains("throttled"), "\(result.stderr)")
    }

    /// AWS's clock an hour behind ours: the signature is refused as expired; the sentence names the skew.
    @Test func aSkewedClockIsNamed() throws {
        let world = try ECRWorld(keys: [Self.key], extra: ["clock_offset": -3600])
        let result = try world.login(environment: Self.keys(Self.key))
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("this machine's clock is 1 h ahead of AWS's"), "\(result.stderr)")
    }

    /// AWS unreachable: exit 4, nothing stored.
    @Test func anUnreachableAPIIsExit4() throws {
        let world = try ECRWorld(keys: [Self.key])
        let closed = "http://127.0.0.1:9"
        let result = try world.login(environment: Self.keys(Self.key).merging(["AWS_ENDPOINT_URL_ECR": closed]) { $1 })
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(world.storedAuth == nil)
    }

    struct ProcessRow: Sendable, CustomTestStringConvertible {
        var name: String
        var script: String
        var says: String
        var testDescription: String { name }
    }

    /// A profile's `credential_process` that does not give credentials: exit 5 (like a credential helper), what
    /// went wrong in one sentence, no AWS call. Nothing here needs the network: the sandbox alone. The scripts run
    /// as `/bin/sh FILE`, never executed themselves: a file just written can be "busy" to exec while another test's
    /// spawn holds an inherited copy of its descriptor.
    static let processFailures: [ProcessRow] = [
        ProcessRow(
            name: "it fails and says why", script: "echo 'the SSO session has expired' >&2; exit 2",
            says: "failed (exit 2: the SSO session has expired)"),
        ProcessRow(
            name: "it prints no JSON (never quoted)", script: "echo AKIA-looks-like-a-key",
            says: "printed no usable credentials: it is not a JSON object"),
        ProcessRow(
            name: "it prints another version",
            script: #"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}'"#,
            says: "its Version is not 1"),
        ProcessRow(
            name: "it is killed (sh reports the signal as an exit status)", script: "kill -9 $$",
            says: "failed (exit 137"),
        ProcessRow(
            name: "it prints more than 1 MiB", script: "head -c 2000000 /dev/zero | tr '\\0' x",
            says: "printed more than 1024 KiB")
    ]

    @Test(arguments: processFailures)
    func aFailingCredentialProcessIsExit5(_ row: ProcessRow) throws {
        let sandbox = try NetworkSandbox()
        let home = try TemporaryDirectory()
        let script = try home.write("credentials.sh", "#!/bin/sh\n\(row.script)\n")
        let config = try home.write("config", "[default]\ncredential_process = /bin/sh \(script)\n")
        let result = try sandbox.policy(
            ["login", "-s", ECRWorld.privateName, "-c", home.path],
            environment: [
                "AWS_CONFIG_FILE": config, "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_ENDPOINT_URL_ECR": "http://127.0.0.1:9"
            ])
        #expect(result.exitCode == 5, "\(result.stderr)")
        #expect(
            result.stderr.contains("The credential_process of the profile 'default' in \(config) "), "\(result.stderr)")
        #expect(result.stderr.contains(row.says), "\(result.stderr)")
        #expect(!result.stderr.contains("AKIA-looks-like-a-key"))
        #expect(!FileManager.default.fileExists(atPath: home.file("config.json")))
    }

    /// A hung `credential_process` is stopped at POLICY_HELPER_TIMEOUT with everything it started (its process
    /// group), and the login ends with exit 5.
    @Test func aHungCredentialProcessIsStoppedWithWhatItStarted() throws {
        let sandbox = try NetworkSandbox()
        let home = try TemporaryDirectory()
        let script = try home.write(
            "credentials.sh", "#!/bin/sh\nsleep 120 &\necho $! > \(home.file("child"))\nexec sleep 121\n")
        let config = try home.write("config", "[default]\ncredential_process = /bin/sh \(script)\n")
        let result = try sandbox.policy(
            ["login", "-s", ECRWorld.privateName, "-c", home.path],
            environment: [
                "AWS_CONFIG_FILE": config, "AWS_EC2_METADATA_DISABLED": "true",
                "POLICY_HELPER_TIMEOUT": "1"
            ])
        #expect(result.exitCode == 5, "\(result.stderr)")
        #expect(result.stderr.contains("did not finish within 1 second and was stopped"), "\(result.stderr)")
        let child = try #require(
            Int32(
                try String(contentsOfFile: home.file("child"), encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(processEnded(child, within: 5), "the credential_process's child outlived policy")
    }

    /// `--debug` names the source and each request, and shows no secret: not the secret key, the session
    /// token, the web identity token, the password or its Basic form, nor a signature.
    @Test func debugShowsNoSecret() throws {
        let (world, environment) = try AWSCredentialSourceTests.webIdentityWorld()
        let result = try world.policy(
            ["--debug", "login", "-s", world.name, "--ca-file", world.registry.caFile], environment: environment)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let web = AWSCredentialSourceTests.webKey
        SecretLeaks.expectNone(
            in: result,
            secrets: [
                web.secret, web.token!, AWSCredentialSourceTests.webIdentityToken, world.password,
                world.expectedAuth, "AWS4-HMAC-SHA256", "Signature=", web.id
            ])
        #expect(result.stderr.contains("[debug] aws: credentials from web identity"), "\(result.stderr)")
        #expect(
            result.stderr.contains("> POST \(world.aws.url)/ (SigV4 for ecr in eu-west-1 with a session token"),
            "\(result.stderr)")
        #expect(result.stderr.contains("> POST \(world.aws.url)/ (unsigned"), "\(result.stderr)")
    }

    /// A stored ECR login whose password has expired is replaced by a new token when AWS credentials are found.
    @Test func anExpiredStoredLoginIsRefreshed() throws {
        let world = try ECRWorld(keys: [Self.key])
        let expired = ExpiryTests.ecrPassword(expiration: Int(Date().timeIntervalSince1970) - 3600)
        try world.home.write(
            "config.json", #"{"auths": {"\#(world.name)": {"auth": "\#(SecretLeaks.basic("AWS", expired))"}}}"#)
        let result = try world.login(environment: Self.keys(Self.key))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "The stored login for \(world.name) no longer works; getting a new password from ECR"),
            "\(result.stderr)")
        #expect(world.storedAuth == world.expectedAuth)
        #expect(try world.requests("ecr").count == 1)
        // Without AWS credentials, the expiry is reported as before (exit 3), and status --verify advises the refresh.
        try world.home.write(
            "config.json", #"{"auths": {"\#(world.name)": {"auth": "\#(SecretLeaks.basic("AWS", expired))"}}}"#)
        let refused = try world.login(environment: [:])
        #expect(refused.exitCode == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("expired"), "\(refused.stderr)")
        let status = try world.policy(["status", "--verify"], environment: [:])
        #expect(status.exitCode == 3, "\(status.stderr)")
        #expect(
            status.stderr.contains("'policy login -s \(world.name)' gets a new ECR password with your AWS credentials"),
            "\(status.stderr)")
    }
}
