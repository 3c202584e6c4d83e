import CredentialStore
import PolicyBase

/// `status` could not read every store: what it listed is incomplete (exit 5). Each store was named in a warning.
struct UnreadableLogins: ReportableError {
    var stores: [UnreadableStore]

    var exitCode: ExitCode { .storage }

    var sentence: String {
        let helpers = stores.map { store in
            if case .helper(let executable, _, _) = store.error { return executable.description }
            if case .helperNotFound(let executable, _) = store.error { return executable.description }
            if case .invalidHelperName(let name, _) = store.error { return "'\(name)'" }
            return "a credential helper"
        }
        let list = helpers.joined(separator: ", ")
        return
            "The logins kept by \(list) could not be read, so the list above is incomplete; see the warning\(stores.count == 1 ? "" : "s") above."
    }
}
