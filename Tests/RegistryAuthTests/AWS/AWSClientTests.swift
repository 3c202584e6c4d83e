import PolicyBase
import Testing

@testable import RegistryAuth

/// The AWS calls, on a scripted transport: what is sent (and signed), and how each reply is read.
struct AWSClientTests {
    static let keys = AWSCredentials(accessKeyID: "AKIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token")
    static let privateRegistry = ECRRegistry(host: "123456789012.dkr.ecr.eu-west-1.amazonaws.com")!
    static let publicRegistry = ECRRegistry(host: "public.ecr.aws")!
    static let endpoint = AWSEndpoint(url: "http://127.0.0.1:9000/", variable: "AWS_ENDPOINT_URL_ECR")

    static func token(_ password: String) -> String { Base64.encode(Array("AWS:\(password)".utf8)) }

    @Test func getAuthorizationTokenIsAJSON11PostSignedForTheRegistrysRegion() throws {
        let transport = ScriptedAWSTransport([
            (
                .post, "/",
                ScriptedAWSTransport.reply(
                    200,
                    #"{"authorizationData":[{"authorizationToken":"\#(Self.token("pass:word"))","expiresAt":1.7e9,"proxyEndpoint":"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"}]}"#
                )
            )
        ])
        let client = AWSClient(transport: transport, timeoutSeconds: 7)
        let authorization = try client.authorizationToken(
            for: Self.privateRegistry, at: Self.endpoint, credentials: Self.keys)
        #expect(authorization == ECRAuthorization(username: "AWS", password: "pass:word", expiresAt: 1_700_000_000))
        let request = try #require(transport.requests.first)
        #expect(request.url == "http://127.0.0.1:9000/" && request.body == "{}" && request.timeoutMilliseconds == 7000)
        #expect(
            request.headers == [
                HTTPHeaderField("Content-Type", "application/x-amz-json-1.1"),
                HTTPHeaderField("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken")
            ])
        #expect(
            request.signing?.region == "eu-west-1" && request.signing?.service == "ecr"
                && request.signing?.credentials == Self.keys)
        // libcurl 7.88: no self-set X-Amz-Date (sent twice), no removal header (signed, not sent), no query.
        #expect(!request.headers.contains { $0.name.lowercased() == "x-amz-date" || $0.value.isEmpty })
        #expect(!request.url.contains("?"))
        #expect(!request.direct)
    }

    @Test func ecrPublicHasItsOwnServiceRegionTargetAndReplyShape() throws {
        let transport = ScriptedAWSTransport([
            (
                .post, "/",
                ScriptedAWSTransport.reply(
                    200,
                    #"{"authorizationData":{"authorizationToken":"\#(Self.token("public-pass"))","expiresAt":1700000000}}"#
                )
            )
        ])
        let authorization = try AWSClient(transport: transport, timeoutSeconds: 30)
            .authorizationToken(for: Self.publicRegistry, at: Self.endpoint, credentials: Self.keys)
        #expect(authorization.password == "public-pass")
        let request = try #require(transport.requests.first)
        #expect(request.signing?.region == "us-east-1" && request.signing?.service == "ecr-public")
        #expect(
            request.headers.contains(HTTPHeaderField("X-Amz-Target", "SpencerFrontendService.GetAuthorizationToken")))
    }

    @Test(arguments: [
        #"{}"#, #"{"authorizationData":[]}"#, #"{"authorizationData":[{"authorizationToken":"not base64!"}]}"#,
        #"{"authorizationData":[{"authorizationToken":"\#(Base64.encode(Array("no-colon".utf8)))"}]}"#,
        #"{"authorizationData":[{"authorizationToken":"\#(Base64.encode(Array("AWS:".utf8)))"}]}"#, "<html>"
    ])
    func aReplyWithoutAUsableTokenIsInvalid(_ body: String) {
        let transport = ScriptedAWSTransport([(.post, "/", ScriptedAWSTransport.reply(200, body))])
        #expect(
            throws: AWSCallError.invalidReply(host: "127.0.0.1:9000", missing: "authorizationData.authorizationToken")
        ) {
            try AWSClient(transport: transport, timeoutSeconds: 30).authorizationToken(
                for: Self.privateRegistry, at: Self.endpoint,
                credentials: Self.keys)
        }
    }

    @Test func anErrorReplyIsTheServicesRefusal() {
        let transport = ScriptedAWSTransport([
            (
                .post, "/",
                ScriptedAWSTransport.reply(
                    400,
                    #"{"__type":"com.amazonaws.ecr#AccessDeniedException","message":"no"}"#,
                    headers: [("Date", "Sun, 06 Nov 1994 08:49:37 GMT")])
            )
        ])
        #expect(
            throws: AWSCallError.service(
                AWSServiceError(
                    host: "127.0.0.1:9000", status: 400, code: "AccessDeniedException",
                    message: "no", serverDate: 784_111_777))
        ) {
            try AWSClient(transport: transport, timeoutSeconds: 30).authorizationToken(
                for: Self.privateRegistry, at: Self.endpoint,
                credentials: Self.keys)
        }
    }

    /// A refusal that quotes a secret the request carried (InvalidSignature quotes the canonical request, the
    /// session token in it) is redacted where the error is made: sentences are never rewritten later.
    @Test func aRefusalQuotingASecretInPlayIsRedacted() throws {
        let keys = AWSCredentials(
            accessKeyID: "AKIAEXAMPLE", secretAccessKey: "wJalrXUtnFEMI", sessionToken: "FwoGZXIvYXdzEBc")
        let quoting =
            #"{"__type":"InvalidSignatureException","message":"x-amz-security-token:FwoGZXIvYXdzEBc wJalrXUtnFEMI"}"#
        let ecr = ScriptedAWSTransport([(.post, "/", ScriptedAWSTransport.reply(400, quoting))])
        let refused = #expect(throws: AWSCallError.self) {
            try AWSClient(transport: ecr, timeoutSeconds: 30).authorizationToken(
                for: Self.privateRegistry, at: Self.endpoint,
                credentials: keys)
        }
        guard case .service(let error)? = refused else {
            Issue.record("not a service error")
            return
        }
        #expect(error.message?.description == "x-amz-security-token:[redacted] [redacted]")
        let sts = ScriptedAWSTransport([
            (
                .post, "/",
                ScriptedAWSTransport.reply(
                    400,
                    "<ErrorResponse><Error><Code>InvalidIdentityToken</Code><Message>bad token a.b+c/d=</Message></Error></ErrorResponse>"
                )
            )
        ])
        let stsRefused = #expect(throws: AWSCallError.self) {
            try AWSClient(transport: sts, timeoutSeconds: 30).assumeRoleWithWebIdentity(
                roleARN: "arn:aws:iam::1:role/ci", sessionName: "s", webIdentityToken: "a.b+c/d=",
                at: AWSEndpoint(url: "https://sts.eu-west-1.amazonaws.com/", variable: nil))
        }
        guard case .service(let stsError)? = stsRefused else {
            Issue.record("not a service error")
            return
        }
        #expect(stsError.message?.description == "bad token [redacted]")
    }

    @Test func assumeRoleWithWebIdentityIsAnUnsignedFormPost() throws {
        let xml = """
            <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult>
            <Credentials><SessionToken>tok&amp;en</SessionToken><SecretAccessKey>sec&lt;ret</SecretAccessKey>
            <Expiration>2099-01-01T00:00:00Z</Expiration><AccessKeyId>ASIAWEB</AccessKeyId></Credentials>
            </AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>
            """
        let transport = ScriptedAWSTransport([(.post, "/", ScriptedAWSTransport.reply(200, xml))])
        let credentials = try AWSClient(transport: transport, timeoutSeconds: 30).assumeRoleWithWebIdentity(
            roleARN: "arn:aws:iam::1:role/ci", sessionName: "policy-1", webIdentityToken: "a.b+c/d=",
            at: AWSEndpoint(url: "https://sts.eu-west-1.amazonaws.com/", variable: nil))
        #expect(
            credentials == AWSCredentials(accessKeyID: "ASIAWEB", secretAccessKey: "sec<ret", sessionToken: "tok&en"))
        let request = try #require(transport.requests.first)
        #expect(request.signing == nil)
        #expect(
            request.body
                == "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fci&RoleSessionName=policy-1&WebIdentityToken=a.b%2Bc%2Fd%3D"
        )
        #expect(
            request.headers == [HTTPHeaderField("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")])
    }

    @Test func containerCredentialsCarryTheAuthorizationAndGoDirect() throws {
        let transport = ScriptedAWSTransport([
            (
                .get, "/creds",
                ScriptedAWSTransport.reply(
                    200,
                    #"{"AccessKeyId":"ASIACONT","SecretAccessKey":"s","Token":"t","Expiration":"2099-01-01T00:00:00Z"}"#
                )
            )
        ])
        let credentials = try AWSClient(transport: transport, timeoutSeconds: 30)
            .containerCredentials(url: "http://169.254.170.2/creds", authorization: "Bearer abc")
        #expect(credentials == AWSCredentials(accessKeyID: "ASIACONT", secretAccessKey: "s", sessionToken: "t"))
        let request = try #require(transport.requests.first)
        #expect(request.headers == [HTTPHeaderField("Authorization", "Bearer abc")])
        #expect(request.direct && request.timeoutMilliseconds == AWSClient.containerTimeoutMilliseconds)
    }

    static let imds = AWSEndpoint(url: "http://169.254.169.254/", variable: nil)
    static let roleCredentials =
        #"{"Code":"Success","Type":"AWS-HMAC","AccessKeyId":"ASIAROLE","SecretAccessKey":"s","Token":"t"}"#

    @Test func instanceMetadataV2() throws {
        let transport = ScriptedAWSTransport([
            (.put, "/latest/api/token", ScriptedAWSTransport.reply(200, "imds-token\n")),
            (.get, "/security-credentials/", ScriptedAWSTransport.reply(200, "builder\n")),
            (.get, "/security-credentials/builder", ScriptedAWSTransport.reply(200, Self.roleCredentials))
        ])
        let outcome = try AWSClient(transport: transport, timeoutSeconds: 30).instanceMetadataCredentials(
            at: Self.imds, allowV1: true)
        #expect(
            outcome
                == .credentials(
                    AWSCredentials(accessKeyID: "ASIAROLE", secretAccessKey: "s", sessionToken: "t"), role: "builder"))
        #expect(transport.requests.map(\.method) == [.put, .get, .get])
        #expect(transport.requests[0].headers == [HTTPHeaderField("X-aws-ec2-metadata-token-ttl-seconds", "21600")])
        #expect(
            transport.requests.dropFirst().allSatisfy {
                $0.headers == [HTTPHeaderField("X-aws-ec2-metadata-token", "imds-token")]
            })
        #expect(transport.requests.allSatisfy { $0.direct && $0.timeoutMilliseconds == 1000 })
    }

    @Test func instanceMetadataFallsBackToV1OnlyWhenAllowed() throws {
        let answers: [(AWSRequest.Method, String, ScriptedAWSTransport.Answer)] = [
            (.put, "/latest/api/token", ScriptedAWSTransport.reply(403, "")),
            (.get, "/security-credentials/", ScriptedAWSTransport.reply(200, "builder")),
            (.get, "/security-credentials/builder", ScriptedAWSTransport.reply(200, Self.roleCredentials))
        ]
        let v1 = ScriptedAWSTransport(answers)
        if case .credentials = try AWSClient(transport: v1, timeoutSeconds: 30).instanceMetadataCredentials(
            at: Self.imds, allowV1: true)
        {
            #expect(v1.requests.dropFirst().allSatisfy { $0.headers.isEmpty })
        } else {
            Issue.record("IMDSv1 was not used")
        }
        let refused = ScriptedAWSTransport(answers)
        #expect(
            try AWSClient(transport: refused, timeoutSeconds: 30).instanceMetadataCredentials(
                at: Self.imds, allowV1: false)
                == .unavailable(.v1Disabled(tokenStatus: 403)))
        #expect(refused.requests.count == 1)
    }

    @Test func offEC2ThereIsNoAnswerAndNoRoleIsNoRole() throws {
        let silent = ScriptedAWSTransport([
            (.put, "/latest/api/token", ScriptedAWSTransport.fail(.timedOut(seconds: 1)))
        ])
        #expect(
            try AWSClient(transport: silent, timeoutSeconds: 30).instanceMetadataCredentials(
                at: Self.imds, allowV1: true)
                == .unavailable(.noAnswer(.timedOut(seconds: 1))))
        let noRole = ScriptedAWSTransport([
            (.put, "/latest/api/token", ScriptedAWSTransport.reply(200, "t")),
            (.get, "/security-credentials/", ScriptedAWSTransport.reply(404, ""))
        ])
        #expect(
            try AWSClient(transport: noRole, timeoutSeconds: 30).instanceMetadataCredentials(
                at: Self.imds, allowV1: true)
                == .unavailable(.noRole))
    }

    @Test func aRoleReplyThatIsNotSuccessIsInvalid() {
        let transport = ScriptedAWSTransport([
            (.put, "/latest/api/token", ScriptedAWSTransport.reply(200, "t")),
            (.get, "/security-credentials/", ScriptedAWSTransport.reply(200, "builder")),
            (
                .get, "/security-credentials/builder",
                ScriptedAWSTransport.reply(200, #"{"Code":"AssumeRoleUnauthorizedAccess"}"#)
            )
        ])
        #expect(throws: AWSCallError.self) {
            try AWSClient(transport: transport, timeoutSeconds: 30).instanceMetadataCredentials(
                at: Self.imds, allowV1: true)
        }
    }
}
