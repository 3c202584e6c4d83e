import PolicyBase
import RegistryAuth

/// The lines a logout prints.
enum LogoutNotes {
    /// The server may come from a helper's `list` reply.
    static func removing(_ server: OutsideText) -> String {
        "Removing login credentials for \(server)"
    }

    static let nothingStored = "No stored logins to remove."

    static func notLoggedIn(_ server: RegistryAddress) -> String {
        "Not logged in to \(server)"
    }
}
