import PolicyBase

/// `policy completion` without a shell, or with one it has no script for (exit 2).
struct UnknownShell: ReportableError {
    /// nil when no shell was named.
    var typed: OutsideText?

    var exitCode: ExitCode { .usage }

    var sentence: String {
        let shells = CompletionShell.allCases.map { "'policy completion \($0.rawValue)'" }
        let choice = shells.dropLast().joined(separator: ", ") + " or " + (shells.last ?? "")
        guard let typed else { return "Name a shell: \(choice)." }
        return "There is no completion script for '\(typed)'; use \(choice)."
    }
}
