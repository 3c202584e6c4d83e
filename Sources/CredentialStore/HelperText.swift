import PolicyBase

/// What a helper printed, as one line fit to quote in an error: stdout (where helpers report errors), else
/// stderr, cleaned by `DisplayText`.
enum HelperText {
    static let maxCharacters = 300

    /// A JSON object on stdout is a reply, not a message, and may hold a secret: it is never quoted.
    static func message(of reply: HelperProcess.Reply) -> String {
        let isReply = (try? JSONParser.parse(reply.stdout))?.objectValue != nil
        let fromStdout = isReply ? "" : DisplayText.clean(reply.stdout, limit: maxCharacters)
        return fromStdout.isEmpty ? DisplayText.clean(reply.stderr, limit: maxCharacters) : fromStdout
    }
}
