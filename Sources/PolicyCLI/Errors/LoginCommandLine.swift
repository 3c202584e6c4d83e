/// The `policy login` command line that hints give (log in again, get a new token), spelt in one place.
enum LoginCommandLine {
    /// `policy login -s SERVER -u USER --password-stdin`, with the server and user given where they are known.
    static func text(server: String = "SERVER", username: String = "USER") -> String {
        "policy login -s \(server) -u \(username) --password-stdin"
    }
}
