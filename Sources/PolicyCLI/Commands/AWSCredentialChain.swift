import CredentialStore
import PolicyBase
import RegistryAuth

/// The AWS SDKs' credential chain, in their order: environment keys; web identity (STS
/// `AssumeRoleWithWebIdentity`); the shared files' profile (`AWS_PROFILE`, else `default`: static keys or
/// `credential_process`); the container endpoint; EC2 instance metadata. The first source that has credentials
/// wins; one that is configured but fails stops the chain with its own error, as in the SDKs.
struct AWSCredentialChain {
    let environment: [String: String]
    /// Calls STS, the container endpoint and instance metadata.
    let client: AWSClient
    /// The region of STS: `AWS_REGION`, `AWS_DEFAULT_REGION`, else the registry's.
    let stsRegion: String
    /// Bound on a `credential_process` run (the credential helpers' bound).
    let processTimeoutSeconds: Int
    let now: Int
    /// Every secret found joins its redactor at once.
    let output: Output
    let trace: AWSTrace?
    /// Names the registry in errors.
    let server: RegistryAddress

    enum Outcome {
        case found(AWSCredentials, AWSCredentialSource)
        case notFound([AWSSkippedSource])
    }

    private enum Step {
        case found(AWSCredentials, AWSCredentialSource)
        case skipped(AWSSkippedSource)
    }

    /// - Throws: `AWSSourceFailure` when a configured source cannot give credentials.
    func resolve() throws -> Outcome {
        var skipped: [AWSSkippedSource] = []
        for step in [environmentKeys, webIdentity, sharedProfile, containerEndpoint, instanceMetadata] {
            switch try step() {
            case .found(let credentials, let source):
                credentials.secrets.forEach(output.protect)
                try Self.expectHeaderSafe(credentials, from: source, server: server)
                trace?.found(source)
                return .found(credentials, source)
            case .skipped(let reason):
                trace?.skipped(reason)
                skipped.append(reason)
            }
        }
        return .notFound(skipped)
    }

    /// The access key ID and session token go in headers: one with a control byte is refused here, where its
    /// source can be named (the transports refuse it too, whatever its source).
    private static func expectHeaderSafe(
        _ credentials: AWSCredentials, from source: AWSCredentialSource, server: RegistryAddress
    ) throws(AWSSourceFailure) {
        if !HTTPHeaderField.canCarry(credentials.accessKeyID) {
            throw AWSSourceFailure(server: server, source: source, problem: .controlCharacter(.accessKeyID))
        }
        if let token = credentials.sessionToken, !HTTPHeaderField.canCarry(token) {
            throw AWSSourceFailure(server: server, source: source, problem: .controlCharacter(.sessionToken))
        }
    }

    private func value(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    private func failure(_ source: AWSCredentialSource, _ problem: AWSSourceFailure.Problem) -> AWSSourceFailure {
        AWSSourceFailure(server: server, source: source, problem: problem)
    }

    private func environmentKeys() throws -> Step {
        switch (value("AWS_ACCESS_KEY_ID"), value("AWS_SECRET_ACCESS_KEY")) {
        case (nil, nil): return .skipped(.environmentUnset)
        case (.some, nil): throw failure(.environment, .partialEnvironment(missing: "AWS_SECRET_ACCESS_KEY"))
        case (nil, .some): throw failure(.environment, .partialEnvironment(missing: "AWS_ACCESS_KEY_ID"))
        case (.some(let keyID), .some(let secret)):
            return .found(
                AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN")),
                .environment)
        }
    }

    private func webIdentity() throws -> Step {
        guard let tokenFile = value("AWS_WEB_IDENTITY_TOKEN_FILE") else { return .skipped(.webIdentityUnset) }
        guard let roleARN = value("AWS_ROLE_ARN") else { throw failure(.webIdentity(roleARN: ""), .missingRoleARN) }
        let source = AWSCredentialSource.webIdentity(roleARN: roleARN)
        let token: String
        do { token = try AWSTokenFile.read(tokenFile) } catch { throw failure(source, .store(error)) }
        output.protect(token)
        let endpoint: AWSEndpoint
        do {
            endpoint = try AWSEndpoint.resolve(
                .sts, defaultURL: AWSClient.stsEndpoint(region: stsRegion), environment: environment)
        } catch {
            throw failure(source, .invalidEndpoint(error))
        }
        let sessionName = value("AWS_ROLE_SESSION_NAME") ?? "policy-\(now)"
        do {
            let credentials = try client.assumeRoleWithWebIdentity(
                roleARN: roleARN, sessionName: sessionName, webIdentityToken: token,
                at: endpoint)
            return .found(credentials, source)
        } catch {
            throw failure(source, .call(error))
        }
    }

    private func sharedProfile() throws -> Step {
        let files = AWSSharedFiles(environment: environment)
        let name = value("AWS_PROFILE") ?? "default"
        let found: AWSSharedFiles.ProfileCredentials
        do {
            found = try files.credentials(profile: name, explicit: value("AWS_PROFILE") != nil)
        } catch {
            throw failure(.profile(name: name, file: files.configPath), .store(error))
        }
        switch found {
        case .keys(let credentials, let file):
            return .found(credentials, .profile(name: name, file: file))
        case .process(let command, let file):
            let source = AWSCredentialSource.credentialProcess(profile: name, file: file)
            do {
                let credentials = try AWSCredentialProcess(command: command, timeoutSeconds: processTimeoutSeconds)
                    .run()
                return .found(credentials, source)
            } catch {
                throw failure(source, .store(.process(profile: name, file: file, error)))
            }
        case .none(let exists):
            return .skipped(
                .profile(
                    name: name, exists: exists, credentialsFile: files.credentialsPath, configFile: files.configPath))
        }
    }

    private func containerEndpoint() throws -> Step {
        let url: String
        if let relative = value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            url = AWSClient.containerRelativeBase + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = value("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            guard AWSClient.isAllowedContainerURL(full) else {
                throw failure(.container(url: full), .disallowedContainerURL(full))
            }
            url = full
        } else {
            return .skipped(.containerUnset)
        }
        let source = AWSCredentialSource.container(url: url)
        var authorization = value("AWS_CONTAINER_AUTHORIZATION_TOKEN")
        let tokenFile = value("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
        if let tokenFile {
            do { authorization = try AWSTokenFile.read(tokenFile) } catch { throw failure(source, .store(error)) }
        }
        if let authorization {
            output.protect(authorization)
            guard HTTPHeaderField.canCarry(authorization) else {
                throw failure(source, .controlCharacter(.containerAuthorization(fromFile: tokenFile != nil)))
            }
        }
        do {
            return .found(try client.containerCredentials(url: url, authorization: authorization), source)
        } catch {
            throw failure(source, .call(error))
        }
    }

    private func instanceMetadata() throws -> Step {
        if value("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true" { return .skipped(.instanceMetadataDisabled) }
        let endpoint: AWSEndpoint
        do { endpoint = try AWSEndpoint.instanceMetadata(environment: environment) } catch {
            throw failure(.instanceMetadata(role: nil), .invalidEndpoint(error))
        }
        // The variable wins over the profile's setting, as in the SDKs.
        let v1Disabled =
            value("AWS_EC2_METADATA_V1_DISABLED")
            ?? AWSSharedFiles(environment: environment).configSetting(
                "ec2_metadata_v1_disabled", profile: value("AWS_PROFILE") ?? "default")
        let allowV1 = v1Disabled?.lowercased() != "true"
        do {
            switch try client.instanceMetadataCredentials(at: endpoint, allowV1: allowV1) {
            case .credentials(let credentials, let role): return .found(credentials, .instanceMetadata(role: role))
            case .unavailable(let reason): return .skipped(.instanceMetadata(endpoint: endpoint.url, reason))
            }
        } catch {
            throw failure(.instanceMetadata(role: nil), .call(error))
        }
    }
}
