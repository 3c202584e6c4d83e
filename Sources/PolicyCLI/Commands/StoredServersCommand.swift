import CredentialStore
import RegistryAuth

/// `policy __servers`: the stored servers, one per line, named as `status` names them, for the completion
/// scripts. Quick and silent: no secret is read, helpers are only asked for their list and only for a few
/// seconds, and a missing or broken config prints nothing.
struct StoredServersCommand {
    /// Bound on each helper's `list`: a Tab key must not wait for a hung helper.
    static let helperTimeoutSeconds = 3

    let configDirectory: String?
    let environment: Environment
    let output: Output

    func run() {
        guard let configDirectory else { return }
        let configured =
            (try? StorageSettings.helperTimeout(environment[StorageSettings.helperTimeoutVariable]))
            ?? StorageSettings.defaultHelperTimeout
        let storage = CredentialStorage(
            configDirectory: configDirectory,
            helperTimeoutSeconds: min(configured, Self.helperTimeoutSeconds))
        var names: [String] = []
        for key in storage.storedServerKeys() {
            let name = (try? RegistryAddress(parsing: key))?.key ?? key
            if Self.isPlain(name), !names.contains(name) { names.append(name) }
        }
        for name in names.sorted() { output.out(name) }
    }

    /// Only names a shell takes as one plain word: letters, digits and `.-_:/[]@`. A config key such as
    /// `$(reboot)` never reaches a completion script.
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 255
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                        || ".-_:/[]@".unicodeScalars.contains(scalar))
            }
    }
}
