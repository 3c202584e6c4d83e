import PolicyBase

/// What a helper printed, as one line fit to quote in an error: stdout (where helpers report errors), else
/// stderr.
enum HelperText {
    /// A JSON object on stdout is a reply, not a message, and may hold a secret: it is never quoted. A message may
    /// still echo what the helper was sent (`store`'s secret): `redaction` hides it.
    static func message(of reply: HelperProcess.Reply, redacting redaction: Redaction = Redaction()) -> OutsideText {
        let isReply = (try? JSONParser.parse(reply.stdout))?.objectValue != nil
        let fromStdout: OutsideText = isReply ? "" : OutsideText(bytes: reply.stdout, redacting: redaction)
        return fromStdout.isEmpty ? OutsideText(bytes: reply.stderr, redacting: redaction) : fromStdout
    }
}
