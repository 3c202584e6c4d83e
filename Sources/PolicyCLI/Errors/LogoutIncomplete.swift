import PolicyBase

/// `logout --all` could not remove some recorded logins (exit 5): each was named in a warning with its reason; the
/// others were removed.
struct LogoutIncomplete: ReportableError {
    /// The keys that stayed.
    var keys: [String]

    var exitCode: ExitCode { .storage }

    var sentence: String {
        let list = keys.map { "\(OutsideText($0, .name))" }.joined(separator: ", ")
        return
            "\(keys.count) recorded login\(keys.count == 1 ? "" : "s") could not be removed (\(list)) and \(keys.count == 1 ? "is" : "are") still stored; every other one was removed."
    }
}
