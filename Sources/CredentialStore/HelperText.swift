/// Turns what a helper printed into one line fit to quote in an error: stdout (where helpers report errors),
/// else stderr; control characters become spaces, runs of blanks collapse, and long text is cut.
enum HelperText {
    static let maxCharacters = 300

    /// A JSON object on stdout is a reply, not a message, and may hold a secret: it is never quoted.
    static func message(of reply: HelperProcess.Reply) -> String {
        let isReply = (try? JSONParser.parse(reply.stdout))?.objectValue != nil
        let fromStdout = isReply ? "" : clean(reply.stdout)
        return fromStdout.isEmpty ? clean(reply.stderr) : fromStdout
    }

    static func clean(_ bytes: [UInt8]) -> String {
        var line = ""
        var pendingBlank = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let isBlank = scalar.value < 0x20 || scalar.value == 0x7F || scalar == " " || (0x80..<0xA0).contains(scalar.value)
            if isBlank {
                pendingBlank = !line.isEmpty
                continue
            }
            if pendingBlank { line.append(" ") }
            pendingBlank = false
            line.unicodeScalars.append(scalar)
        }
        guard line.count > maxCharacters else { return line }
        return String(line.prefix(maxCharacters)) + "…"
    }
}
