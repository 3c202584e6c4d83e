import PolicyBase

/// `~/.aws/credentials` and `~/.aws/config` (or `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`), and the
/// credentials of one profile in them, in botocore's order: a `role_arn` or SSO profile first (not followed:
/// reported), then keys in the credentials file, then `credential_process`, then keys in the config file.
public struct AWSSharedFiles: Sendable {
    public let credentialsPath: String
    public let configPath: String

    /// Paths from the environment; `~/` is the home directory, as the SDKs expand it.
    public init(environment: [String: String]) {
        let home = environment["HOME"] ?? ""
        func expand(_ path: String) -> String {
            path.hasPrefix("~/") && !home.isEmpty ? home + path.dropFirst() : path
        }
        credentialsPath = expand(
            environment["AWS_SHARED_CREDENTIALS_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "~/.aws/credentials")
        configPath = expand(environment["AWS_CONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "~/.aws/config")
    }

    /// What a profile holds.
    public enum ProfileCredentials: Sendable, Equatable {
        /// Static keys, and the file they are in.
        case keys(AWSCredentials, file: String)
        /// A `credential_process` command line, and the file it is in.
        case process(command: String, file: String)
        /// Nothing to sign with; `exists` tells whether either file has the profile at all.
        case none(exists: Bool)
    }

    /// Reads both files and finds the credentials of `profile`.
    /// - Parameter explicit: true when the user named the profile (`AWS_PROFILE`): then a missing profile is
    ///   an error, as in the SDKs; the implicit `default` may be absent.
    public func credentials(profile: String, explicit: Bool) throws(AWSSourceError) -> ProfileCredentials {
        let credentialsFile = try Self.read(credentialsPath)
        let configFile = try Self.read(configPath)
        return try Self.resolve(
            profile: profile, explicit: explicit, credentials: credentialsFile, config: configFile,
            credentialsPath: credentialsPath, configPath: configPath)
    }

    /// The resolution itself, on parsed files (table-tested).
    static func resolve(
        profile: String, explicit: Bool, credentials: AWSINIFile?, config: AWSINIFile?,
        credentialsPath: String, configPath: String
    ) throws(AWSSourceError) -> ProfileCredentials {
        let fromCredentials = credentials?.sections[profile]
        let fromConfig = config?.configProfiles[profile]
        guard fromCredentials != nil || fromConfig != nil else {
            if explicit {
                throw .profileNotFound(profile: profile, credentialsFile: credentialsPath, configFile: configPath)
            }
            return .none(exists: false)
        }
        // botocore merges the credentials file over the config file for everything but the static keys.
        let merged = (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, fromCredentialsFile in fromCredentialsFile
        }
        let fileOf = { (key: String) in fromCredentials?[key] != nil ? credentialsPath : configPath }
        if merged["role_arn"] != nil {
            throw .unsupportedProfile(profile: profile, file: fileOf("role_arn"), kind: .assumeRole)
        }
        if merged["sso_session"] != nil || merged["sso_start_url"] != nil {
            throw .unsupportedProfile(
                profile: profile, file: fileOf(merged["sso_session"] != nil ? "sso_session" : "sso_start_url"),
                kind: .sso)
        }
        if let keys = try staticKeys(fromCredentials, profile: profile, file: credentialsPath) {
            return .keys(keys, file: credentialsPath)
        }
        if let command = merged["credential_process"], !command.isEmpty {
            return .process(command: command, file: fileOf("credential_process"))
        }
        if let keys = try staticKeys(fromConfig, profile: profile, file: configPath) {
            return .keys(keys, file: configPath)
        }
        return .none(exists: true)
    }

    /// `aws_access_key_id` and `aws_secret_access_key` (both, or neither), with `aws_session_token` (or the
    /// older `aws_security_token`).
    private static func staticKeys(
        _ values: [String: String]?, profile: String, file: String
    ) throws(AWSSourceError) -> AWSCredentials? {
        guard let values else { return nil }
        let keyID = values["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = values["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        switch (keyID, secret) {
        case (nil, nil): return nil
        case (.some, nil): throw .partialKeys(profile: profile, file: file, missing: "aws_secret_access_key")
        case (nil, .some): throw .partialKeys(profile: profile, file: file, missing: "aws_access_key_id")
        case (.some(let keyID), .some(let secret)):
            return AWSCredentials(
                accessKeyID: keyID, secretAccessKey: secret,
                sessionToken: values["aws_session_token"] ?? values["aws_security_token"])
        }
    }

    /// A setting of `profile` in the config file (`ec2_metadata_v1_disabled`, …); nil when it is not set or
    /// the file cannot be read (the profile's own lookup reports that).
    public func configSetting(_ key: String, profile: String) -> String? {
        guard let file = try? Self.read(configPath) else { return nil }
        return file.configProfiles[profile]?[key]
    }

    /// A shared file, or nil when it does not exist.
    private static func read(_ path: String) throws(AWSSourceError) -> AWSINIFile? {
        do {
            return try FileSystem.readFileIfPresent(path).map {
                AWSINIFile(parsing: String(decoding: $0, as: UTF8.self))
            }
        } catch {
            if case .fileSystem(_, _, let code) = error { throw .unreadable(path: path, errno: code) }
            throw .unreadable(path: path, errno: 0)
        }
    }
}
