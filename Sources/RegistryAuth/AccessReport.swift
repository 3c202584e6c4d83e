/// What the registry granted on one repository.
public struct AccessReport: Sendable, Equatable {
    public var request: AccessRequest
    public var granted: [RepositoryAction]
    /// A pull probe answered 404 NAME_UNKNOWN: the repository does not exist, or is not visible to these credentials.
    public var repositoryNotFound: Bool

    public var denied: [RepositoryAction] { request.actions.filter { !granted.contains($0) } }
    public var allGranted: Bool { denied.isEmpty }
}
