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
