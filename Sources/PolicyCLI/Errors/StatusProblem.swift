import PolicyBase
import RegistryAuth

/// `status` found logins that do not work, or named servers without one: exit 3 when any is rejected, expired or
/// missing, else 4 when any registry could not be reached.
struct StatusProblem: ReportableError {
    var failing: [(name: String, state: StatusRow.State)]

    /// nil when every row is fine.
    init?(_ rows: [StatusRow]) {
        failing = rows.compactMap { row in
            guard let state = row.state, state != .ok else { return nil }
            return (row.name, state)
        }
        if failing.isEmpty { return nil }
    }

    var exitCode: ExitCode {
        failing.contains { $0.state != .unreachable } ? .credentialsRejected : .network
    }

    var sentence: String {
        let missing = failing.filter { $0.state == .notLoggedIn }
        let broken = failing.filter { $0.state != .notLoggedIn }
        var parts: [String] = []
        if !missing.isEmpty {
            let names = missing.map { "\(OutsideText($0.name, .name))" }.joined(separator: ", ")
            parts.append("not logged in to \(names)")
        }
        if !broken.isEmpty {
            let list = broken.map { "\(OutsideText($0.name, .name)) \($0.state.rawValue)" }.joined(separator: ", ")
            parts.append("\(broken.count) stored login\(broken.count == 1 ? "" : "s") did not verify (\(list))")
        }
        // New credentials do not help a registry that could not be reached: advise a login only when they would.
        let advice =
            exitCode == .credentialsRejected
            ? "log in\(broken.isEmpty ? "" : " again") with '\(LoginCommandLine.text())'."
            : (failing.count == 1 ? "the registry" : "the registries")
                + " could not be reached; check the network, a proxy, or the TLS options (--ca-file, -k) and try again."
        let text = parts.joined(separator: "; ") + "; " + advice
        return text.prefix(1).uppercased() + text.dropFirst() + ecrAdvice
    }

    /// An ECR login is renewed without the AWS CLI: say so for each refused or expired one.
    private var ecrAdvice: String {
        let ecr = failing.filter {
            ($0.state == .rejected || $0.state == .expired) && ECRRegistry(host: $0.name) != nil
        }
        // The name matched ECR's host pattern: plain ASCII, nothing to clean.
        return ecr.map { " 'policy login -s \($0.name)' gets a new ECR password with your AWS credentials." }.joined()
    }
}
