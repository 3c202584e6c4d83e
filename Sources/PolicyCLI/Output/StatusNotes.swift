/// The lines `status` prints besides its table.
enum StatusNotes {
    static func legacyFile(_ path: String) -> String {
        "Note: \(path) holds logins from policy before 0.2, which this version does not read; log in to those registries again, then delete the file."
    }
}
