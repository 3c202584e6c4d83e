import PolicyBase
import RegistryAuth

/// The lines a logout prints.
enum LogoutNotes {
    /// The server may come from a helper's `list` reply: cleaned.
    static func removing(_ server: CustomStringConvertible) -> String {
        "Removing login credentials for \(DisplayText.clean(server.description, limit: 120))"
    }

    static let nothingStored = "No stored logins to remove."

    static func notLoggedIn(_ server: RegistryAddress) -> String {
        "Not logged in to \(server)"
    }
}
