/// What `logout --all` did with one recorded key: removed something, found nothing, or left it for a reason.
public struct Removal: Sendable, Equatable {
    /// The `auths` key or `credHelpers` registry.
    public var key: String
    /// true: something was removed; false: nothing was stored there; failure: it stayed, and why.
    public var outcome: Result<Bool, StoreError>

    public init(key: String, outcome: Result<Bool, StoreError>) {
        self.key = key
        self.outcome = outcome
    }
}
