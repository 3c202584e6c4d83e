import PolicyBase
import RegistryAuth

/// Registry-specific advice for rejected logins, from how each registry words its refusals.
enum RegistryHints {
    static func forRejection(server: RegistryAddress, username: OutsideText, message: OutsideText?) -> String? {
        let host = server.key
        let text = message?.description.lowercased() ?? ""
        if host == "ghcr.io" {
            return
                "GitHub expects a personal access token with read:packages (and write:packages to push) as the password."
        }
        if server.isDockerHub {
            return
                "Docker Hub accounts with two-factor authentication or SSO need a personal access token as the password."
        }
        if server.isECR {
            if text.contains("expired") {
                return "ECR tokens from 'aws ecr get-login-password' last 12 hours; fetch a new one."
            }
            return "Use the user name AWS and the output of 'aws ecr get-login-password' for the same region."
        }
        if host == "gcr.io" || host.hasSuffix(".gcr.io") || host.hasSuffix("-docker.pkg.dev") {
            if username.description == "_json_key" {
                return
                    "Pipe the whole key file: 'cat key.json | \(LoginCommandLine.text(server: host, username: "_json_key"))'."
            }
            return
                "Use the user name _json_key with a service-account key file, or oauth2accesstoken with 'gcloud auth print-access-token'."
        }
        if host.contains("gitlab") {
            return "Accounts with two-factor authentication need a personal access token with read_registry."
        }
        if host.hasSuffix(".azurecr.io") {
            return
                "Use an admin user, a service principal or a token; the user 00000000-0000-0000-0000-000000000000 takes a refresh token."
        }
        return nil
    }

    /// Advice when verified credentials lack the access `--check-access` asked for.
    static func forMissingAccess(server: RegistryAddress, missingPush: Bool) -> String? {
        let host = server.key
        if host == "ghcr.io" {
            return missingPush
                ? "GitHub: the personal access token needs write:packages to push (and repo for private repositories)."
                : "GitHub: the personal access token needs read:packages (and repo for private repositories)."
        }
        if server.isDockerHub {
            return missingPush
                ? "Docker Hub: a read-only access token cannot push; create one with Read & Write."
                : "Docker Hub: check that the repository exists and that the account may see it."
        }
        if server.isECR {
            return "ECR: the IAM policy of these credentials must allow the repository's "
                + (missingPush
                    ? "push actions (ecr:InitiateLayerUpload, ecr:PutImage, …)."
                    : "pull actions (ecr:BatchGetImage, ecr:GetDownloadUrlForLayer).")
        }
        return nil
    }
}
