/// What a completion script offers as an option's value.
enum ValueCompletion: Equatable {
    /// Free text (a user name, a number): nothing is offered.
    case text
    case file
    case directory
    /// The servers already stored, read through `policy __servers`.
    case server
    /// `REPO:` followed by one of `actions` (`pull`, `push`, `pull,push`).
    case access(actions: [String])

    /// Each non-empty selection of `actions`, the single ones first, each in the actions' order:
    /// `pull`, `push`, `pull,push`.
    static func actionLists(_ actions: [String]) -> [String] {
        let selections = (1..<(1 << actions.count)).map { mask in actions.indices.filter { mask & (1 << $0) != 0 } }
        return
            selections
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
            .map { $0.map { actions[$0] }.joined(separator: ",") }
    }
}
