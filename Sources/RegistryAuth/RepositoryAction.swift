/// The actions of the distribution token scope that `--check-access` checks.
public enum RepositoryAction: String, Sendable, Equatable, CaseIterable, Comparable {
    case pull, push

    /// Pull before push, the order scopes and messages list them in.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
