import PolicyBase

extension Credentials.Kind {
    /// "password" or "identity token", as sentences and the status table name the secret.
    var noun: String {
        switch self {
        case .password: "password"
        case .identityToken: "identity token"
        }
    }
}
