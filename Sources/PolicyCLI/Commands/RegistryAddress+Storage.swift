import CredentialStore
import RegistryAuth

extension RegistryAddress {
    /// Where this registry's credentials are stored, and which other keys name it.
    var storage: RegistryKeys {
        RegistryKeys(keys: storageKeys, isAlias: { [self] in matches(storedKey: $0) })
    }
}
