import CredentialStore
import Platform
import PolicyBase
import RegistryAuth

/// An AWS credential source that is configured but could not give credentials, for a native ECR login.
/// Exit 3 for what the credentials are (incomplete, refused, expired, a kind policy does not follow), 5 for
/// a file or `credential_process` that failed locally, 4 for the network, 2 for a malformed setting.
struct AWSSourceFailure: ReportableError {
    var server: RegistryAddress
    var source: AWSCredentialSource
    var problem: Problem

    enum Problem: Equatable {
        /// One of `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` without the other.
        case partialEnvironment(missing: String)
        /// `AWS_WEB_IDENTITY_TOKEN_FILE` without `AWS_ROLE_ARN`.
        case missingRoleARN
        /// A shared file, a token file, a profile or its `credential_process`.
        case store(AWSSourceError)
        /// STS, the container endpoint or instance metadata refused or failed.
        case call(AWSCallError)
        case invalidEndpoint(AWSEndpoint.InvalidOverride)
        /// `AWS_CONTAINER_CREDENTIALS_FULL_URI` is plain HTTP to a host the SDKs do not allow.
        case disallowedContainerURL(String)
        /// A value the source gave holds a control byte (CR, LF, …) and would break the header it goes in.
        case controlCharacter(HeaderBoundValue)
    }

    /// A value from a credential source that is sent in an HTTP header.
    enum HeaderBoundValue: Equatable {
        case accessKeyID
        case sessionToken
        /// `AWS_CONTAINER_AUTHORIZATION_TOKEN`, or the file `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` names.
        case containerAuthorization(fromFile: Bool)
    }

    var exitCode: ExitCode {
        switch problem {
        case .partialEnvironment, .missingRoleARN: return .credentialsRejected
        case .store(.unreadable), .store(.process), .controlCharacter: return .storage
        case .store: return .credentialsRejected
        case .call(let error): return error.exitCode
        case .invalidEndpoint, .disallowedContainerURL: return .usage
        }
    }

    var sentence: String {
        let login = "to log in to \(server) with ECR"
        switch problem {
        case .partialEnvironment(let missing):
            let present = missing == "AWS_SECRET_ACCESS_KEY" ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY"
            return
                "\(present) is set but \(missing) is not; set both (and AWS_SESSION_TOKEN for temporary credentials) \(login)."
        case .missingRoleARN:
            return
                "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not; web identity needs the role to assume \(login)."
        case .store(let error):
            return Self.sentence(error, source: source, server: server)
        case .call(let error):
            return Self.sentence(error, source: source)
        case .invalidEndpoint(let override):
            return
                "\(override.variable) is '\(OutsideText(override.value))', which is not an http(s) URL; fix or unset it \(login)."
        case .controlCharacter(let value):
            let what: String
            switch (value, source) {
            case (.accessKeyID, .environment): what = "AWS_ACCESS_KEY_ID"
            case (.sessionToken, .environment): what = "AWS_SESSION_TOKEN"
            case (.accessKeyID, _): what = "The access key ID from \(source.description)"
            case (.sessionToken, _): what = "The session token from \(source.description)"
            case (.containerAuthorization(let fromFile), _):
                what =
                    fromFile
                    ? "The token in the file AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names"
                    : "AWS_CONTAINER_AUTHORIZATION_TOKEN"
            }
            return
                "\(what) holds a control character (a line break or another) that would break the HTTP header it goes in, so nothing was sent; fix it \(login)."
        case .disallowedContainerURL(let url):
            return
                "AWS_CONTAINER_CREDENTIALS_FULL_URI is '\(OutsideText(url))'; plain HTTP is allowed only to a loopback address, 169.254.170.2, 169.254.170.23 or fd00:ec2::23 (the AWS SDKs' rule), any other host needs HTTPS."
        }
    }

    private static func sentence(
        _ error: AWSSourceError, source: AWSCredentialSource, server: RegistryAddress
    ) -> String {

        switch error {
        case .unreadable(let path, let code):
            return
                "Cannot read '\(OutsideText(path))' (\(Errno(rawValue: code))), needed for the AWS credentials from \(source.description)."
        case .unusableTokenFile(let path):
            return
                "The token file '\(OutsideText(path))' of \(source.description) is empty or too large to hold a token."
        case .profileNotFound(let profile, let credentialsFile, let configFile):
            let name = OutsideText(profile, .name)
            return
                "AWS_PROFILE names the profile '\(name)', which is in neither \(OutsideText(credentialsFile)) ([\(name)]) nor \(OutsideText(configFile)) ([profile \(name)])."
        case .partialKeys(let profile, let file, let missing):
            return
                "The profile '\(OutsideText(profile, .name))' in \(OutsideText(file)) has only one of its two keys: \(missing) is missing."
        case .unsupportedProfile(let profile, let file, let kind):
            let option = profile == "default" ? "" : " --profile \(OutsideText(profile, .name))"
            let export =
                "'eval \"$(aws configure export-credentials\(option) --format env)\"' puts its credentials in the environment, where policy finds them"
            let what = kind == .sso ? "signs in with IAM Identity Center (SSO)" : "assumes a role (role_arn)"
            return
                "The profile '\(OutsideText(profile, .name))' in \(OutsideText(file)) \(what), which policy does not follow itself; \(export), then run 'policy login -s \(server)' again."
        case .process(let profile, let file, let problem):
            let what = "The credential_process of the profile '\(OutsideText(profile, .name))' in \(OutsideText(file))"
            switch problem {
            case .couldNotRun(let reason): return "\(what) could not be started (\(reason))."
            case .timedOut(let seconds):
                return
                    "\(what) did not finish within \(Plural.seconds(seconds)) and was stopped; raise POLICY_HELPER_TIMEOUT if it needs longer."
            case .outputTooLarge(let limit): return "\(what) printed more than \(limit / 1024) KiB and was stopped."
            case .failed(.exited(let status), let message):
                return "\(what) failed (exit \(status)\(message.isEmpty ? "" : ": \(message)"))."
            case .failed(.signaled(let signal), _):
                return "\(what) was killed by signal \(signal)."
            case .invalidOutput(let reason):
                return
                    "\(what) printed no usable credentials: \(reason) (it must print {\"Version\": 1, \"AccessKeyId\": …, \"SecretAccessKey\": …})."
            }
        }
    }

    private static func sentence(_ error: AWSCallError, source: AWSCredentialSource) -> String {
        let detail = error.detail
        switch (source, error) {
        case (.webIdentity(let role), .service(let refusal)):
            switch refusal.kind {
            case .invalidIdentityToken, .expiredToken:
                return
                    "STS refused the web identity token from AWS_WEB_IDENTITY_TOKEN_FILE (\(detail)); check that it is current and that AWS trusts its issuer."
            case .accessDenied:
                return
                    "STS would not let the web identity assume \(OutsideText(role)) (\(detail)); the role's trust policy must allow this identity provider and subject."
            default:
                return "STS could not exchange the web identity token for credentials (\(detail))."
            }
        case (.webIdentity, _):
            return "Getting credentials from STS for web identity failed: \(detail)."
        case (_, .service(let refusal)) where [401, 403].contains(refusal.status):
            return
                "\(source.description.capitalizedFirst) refused to give credentials (\(detail)); check AWS_CONTAINER_AUTHORIZATION_TOKEN or its _FILE."
        default:
            return "Getting AWS credentials from \(source.description) failed: \(detail)."
        }
    }
}
