import PolicyBase

/// The lines `status` prints besides its table.
enum StatusNotes {
    static func legacyFile(_ path: String) -> String {
        "Note: \(path) holds logins from policy before 0.2, which this version does not read; log in to those registries again, then delete the file."
    }

    /// A store that could not be read: its failure, and what is therefore missing from the list.
    static func unreadable(_ failure: String, servers: [String]?) -> String {
        let missing =
            servers.map { "its logins (\($0.map { "\(OutsideText($0, .name))" }.joined(separator: ", ")))" }
            ?? "the logins it keeps"
        return "\(failure) Not listed: \(missing)."
    }

    /// An `auths` entry whose secret docker does not use, because a helper keeps that registry's logins.
    static func unusedSecret(_ key: String, file: String) -> String {
        "Note: \(file) holds a plain-text secret for \(OutsideText(key, .name)) that docker does not use (a credential helper keeps that registry's logins); 'policy logout --all' removes it."
    }
}
