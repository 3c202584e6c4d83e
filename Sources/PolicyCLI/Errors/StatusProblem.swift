import PolicyBase

/// `status --verify` found logins that do not work: exit 3 when any is rejected or expired, else 4 when any
/// registry could not be reached.
struct StatusProblem: ReportableError {
    var failing: [(name: String, state: StatusRow.State)]

    /// nil when every login is ok.
    init?(_ rows: [StatusRow]) {
        failing = rows.compactMap { row in
            guard let state = row.state, state != .ok else { return nil }
            return (row.registry.name, state)
        }
        if failing.isEmpty { return nil }
    }

    var exitCode: ExitCode {
        failing.contains { $0.state == .rejected || $0.state == .expired } ? .credentialsRejected : .network
    }

    var sentence: String {
        let list = failing.map { "\(OutsideText($0.name, .name)) \($0.state.rawValue)" }.joined(separator: ", ")
        // New credentials do not help a registry that could not be reached: advise a login only when one was refused.
        let advice = exitCode == .credentialsRejected
            ? "log in again with '\(LoginCommandLine.text())'."
            : (failing.count == 1 ? "the registry" : "the registries")
                + " could not be reached; check the network, a proxy, or the TLS options (--ca-file, -k) and try again."
        return "\(failing.count) stored login\(failing.count == 1 ? "" : "s") did not verify (\(list)); " + advice
    }
}
