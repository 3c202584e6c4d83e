/// Profiles whose credentials come from somewhere policy does not go itself.
public enum AWSProfileKind: String, Sendable, Equatable {
    /// `sso_session` / `sso_start_url`: IAM Identity Center.
    case sso
    /// `role_arn` with `source_profile`, `credential_source` or `web_identity_token_file`.
    case assumeRole
}
