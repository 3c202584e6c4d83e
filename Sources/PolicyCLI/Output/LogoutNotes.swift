import PolicyBase
import RegistryAuth

/// The lines a logout prints.
enum LogoutNotes {
    /// The server may come from a config key.
    static func removing(_ server: OutsideText) -> String {
        "Removing login credentials for \(server)"
    }

    static let nothingStored = "No stored logins to remove."

    static func notLoggedIn(_ server: RegistryAddress) -> String {
        "Not logged in to \(server)"
    }

    /// `logout --all`: one recorded login that stayed, and why (the store's sentence).
    static func stayed(_ key: String, because failure: String) -> String {
        "The login for \(OutsideText(key, .name)) was not removed: \(failure)"
    }
}
