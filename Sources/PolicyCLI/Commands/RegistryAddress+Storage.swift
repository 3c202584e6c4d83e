import CredentialStore
import RegistryAuth

extension RegistryAddress {
    /// Where this registry's credentials are stored, which other keys name it, and what goes with them.
    var storage: RegistryKeys {
        RegistryKeys(
            keys: storageKeys, isAlias: { [self] in matches(storedKey: $0) },
            companions: isDockerHub ? Self.dockerOAuthKeys : [])
    }

    /// Where docker keeps the OAuth tokens of its Docker Hub login (`docker login` without a password, since
    /// docker 27): its logout erases them, and so does ours.
    static let dockerOAuthKeys = [
        "https://index.docker.io/v1/access-token", "https://index.docker.io/v1/refresh-token"
    ]
}
