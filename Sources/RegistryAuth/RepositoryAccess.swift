/// What `--check-access` asks about one repository.
public struct AccessRequest: Sendable, Equatable {
    /// The repository without the registry, e.g. `org/policy`.
    public var repository: String
    public var actions: [RepositoryAction]

    public init(repository: String, actions: [RepositoryAction]) {
        self.repository = repository
        self.actions = actions
    }

    /// `repository:NAME:ACTIONS`, the token scope that asks for them.
    var scope: String { "repository:\(repository):" + actions.map(\.rawValue).joined(separator: ",") }
}

/// The actions of the distribution token scope that `--check-access` checks.
public enum RepositoryAction: String, Sendable, Equatable, CaseIterable, Comparable {
    case pull, push

    /// Pull before push, the order scopes and messages list them in.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// What the registry granted on one repository.
public struct AccessReport: Sendable, Equatable {
    public var request: AccessRequest
    public var granted: [RepositoryAction]
    /// A pull probe answered 404 NAME_UNKNOWN: the repository does not exist, or is not visible to these credentials.
    public var repositoryNotFound: Bool

    public var denied: [RepositoryAction] { request.actions.filter { !granted.contains($0) } }
    public var allGranted: Bool { denied.isEmpty }
}
