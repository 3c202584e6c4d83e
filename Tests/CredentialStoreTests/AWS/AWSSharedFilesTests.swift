import PolicyBase
import Testing

@testable import CredentialStore

/// Which credentials a profile gives, in botocore's order of providers.
struct AWSSharedFilesTests {
    static let credentialsPath = "/h/.aws/credentials"
    static let configPath = "/h/.aws/config"

    enum Expected: Sendable, Equatable {
        case keys(String, token: String?, file: String)
        case process(String, file: String)
        case none(exists: Bool)
        case error(AWSSourceError)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var profile = "default"
        var explicit = false
        var credentials: String?
        var config: String?
        var expected: Expected
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "keys in the credentials file",
            credentials: "[default]\naws_access_key_id=A\naws_secret_access_key=S\naws_session_token=T\n",
            expected: .keys("A", token: "T", file: credentialsPath)),
        Row(
            name: "the credentials file beats the config file",
            credentials: "[default]\naws_access_key_id=A\naws_secret_access_key=S\n",
            config: "[default]\naws_access_key_id=C\naws_secret_access_key=S2\n",
            expected: .keys("A", token: nil, file: credentialsPath)),
        Row(
            name: "keys in the config file", profile: "ci", explicit: true,
            config: "[profile ci]\naws_access_key_id=C\naws_secret_access_key=S\n",
            expected: .keys("C", token: nil, file: configPath)),
        Row(
            name: "a bare [name] in the config file is not a profile", profile: "ci", explicit: true,
            config: "[ci]\naws_access_key_id=C\naws_secret_access_key=S\n",
            expected: .error(.profileNotFound(profile: "ci", credentialsFile: credentialsPath, configFile: configPath))),
        Row(
            name: "[profile x] in the credentials file is not profile x", profile: "ci", explicit: true,
            credentials: "[profile ci]\naws_access_key_id=A\naws_secret_access_key=S\n",
            expected: .error(.profileNotFound(profile: "ci", credentialsFile: credentialsPath, configFile: configPath))),
        Row(
            name: "the legacy aws_security_token",
            credentials: "[default]\naws_access_key_id=A\naws_secret_access_key=S\naws_security_token=L\n",
            expected: .keys("A", token: "L", file: credentialsPath)),
        Row(
            name: "credential_process in the config", config: "[default]\ncredential_process = /bin/creds --x\n",
            expected: .process("/bin/creds --x", file: configPath)),
        Row(
            name: "credentials-file keys beat credential_process",
            credentials: "[default]\naws_access_key_id=A\naws_secret_access_key=S\n",
            config: "[default]\ncredential_process = /bin/creds\n",
            expected: .keys("A", token: nil, file: credentialsPath)),
        Row(
            name: "credential_process beats config-file keys",
            config: "[default]\ncredential_process = /bin/creds\naws_access_key_id=C\naws_secret_access_key=S\n",
            expected: .process("/bin/creds", file: configPath)),
        Row(
            name: "credential_process in the credentials file wins over the config's",
            credentials: "[default]\ncredential_process = /bin/a\n",
            config: "[default]\ncredential_process = /bin/b\n", expected: .process("/bin/a", file: credentialsPath)),
        Row(
            name: "a role profile is reported, before any keys (botocore assumes the role first)",
            credentials: "[default]\naws_access_key_id=A\naws_secret_access_key=S\n",
            config: "[default]\nrole_arn = arn\nsource_profile = base\n",
            expected: .error(.unsupportedProfile(profile: "default", file: configPath, kind: .assumeRole))),
        Row(
            name: "an SSO profile is reported", profile: "dev", explicit: true,
            config: "[profile dev]\nsso_session = corp\nsso_account_id = 1\n",
            expected: .error(.unsupportedProfile(profile: "dev", file: configPath, kind: .sso))),
        Row(
            name: "a legacy SSO profile is reported", config: "[default]\nsso_start_url = https://x\n",
            expected: .error(.unsupportedProfile(profile: "default", file: configPath, kind: .sso))),
        Row(
            name: "only the key id", credentials: "[default]\naws_access_key_id=A\n",
            expected: .error(.partialKeys(profile: "default", file: credentialsPath, missing: "aws_secret_access_key"))),
        Row(
            name: "only the secret", config: "[default]\naws_secret_access_key=S\n",
            expected: .error(.partialKeys(profile: "default", file: configPath, missing: "aws_access_key_id"))),
        Row(
            name: "empty keys are no keys", credentials: "[default]\naws_access_key_id=\naws_secret_access_key=\n",
            expected: .none(exists: true)),
        Row(
            name: "a profile with only a region", config: "[default]\nregion = eu-west-1\n",
            expected: .none(exists: true)),
        Row(
            name: "no default profile: the chain goes on",
            credentials: "[other]\naws_access_key_id=A\naws_secret_access_key=S\n",
            expected: .none(exists: false)),
        Row(name: "no files at all", expected: .none(exists: false)),
        Row(
            name: "a named profile that is nowhere", profile: "nope", explicit: true, credentials: "[default]\n",
            expected: .error(
                .profileNotFound(profile: "nope", credentialsFile: credentialsPath, configFile: configPath)))
    ]

    @Test(arguments: rows)
    func resolves(_ row: Row) {
        let result = Result { () throws(AWSSourceError) in
            try AWSSharedFiles.resolve(
                profile: row.profile, explicit: row.explicit,
                credentials: row.credentials.map(AWSINIFile.init(parsing:)),
                config: row.config.map(AWSINIFile.init(parsing:)), credentialsPath: Self.credentialsPath,
                configPath: Self.configPath)
        }
        let actual: Expected
        switch result {
        case .success(.keys(let keys, let file)): actual = .keys(keys.accessKeyID, token: keys.sessionToken, file: file)
        case .success(.process(let command, let file)): actual = .process(command, file: file)
        case .success(.none(let exists)): actual = .none(exists: exists)
        case .failure(let error): actual = .error(error)
        }
        #expect(actual == row.expected)
    }

    @Test func pathsComeFromTheEnvironmentWithTildeExpanded() {
        let defaults = AWSSharedFiles(environment: ["HOME": "/home/ci"])
        #expect(
            defaults.credentialsPath == "/home/ci/.aws/credentials" && defaults.configPath == "/home/ci/.aws/config")
        let chosen = AWSSharedFiles(environment: [
            "HOME": "/home/ci", "AWS_SHARED_CREDENTIALS_FILE": "~/creds", "AWS_CONFIG_FILE": "/etc/aws"
        ])
        #expect(chosen.credentialsPath == "/home/ci/creds" && chosen.configPath == "/etc/aws")
    }
}
