import Platform

/// Asks for the username and password on the terminal attached to stdin; prompts go to stderr so stdout
/// carries only the result. The password is read without echo, and the terminal is restored on every
/// exit path: normal return, error, and SIGINT/SIGTERM/SIGHUP (Ctrl-C).
enum TerminalPrompt {
    /// Reads one line with echo on. Returns nil at end of input.
    static func readLine(prompt: String) -> String? {
        writeToStandardError(prompt)
        return readInputLine().map { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads one line with echo off, its bytes as typed. Returns nil at end of input or when the terminal cannot be
    /// configured.
    static func readSecret(prompt: String) -> [UInt8]? {
        guard Terminal.saveInputSettings() else { return nil }
        writeToStandardError(prompt)
        guard Terminal.hideInput() else { return nil }
        defer { Terminal.restoreInput() }
        return readInputLine()
    }

    /// Bytes up to a newline, read one at a time so nothing beyond the line is consumed.
    private static func readInputLine() -> [UInt8]? {
        var bytes: [UInt8] = []
        while true {
            guard let byte = (try? FileDescriptor.standardInput.read(upTo: 1))?.first else {
                return bytes.isEmpty ? nil : SecretInput.trimmed(bytes)
            }
            if byte == 0x0A { return SecretInput.trimmed(bytes) }
            bytes.append(byte)
            if bytes.count > SecretInput.maxBytes { return nil }
        }
    }

    private static func writeToStandardError(_ text: String) {
        try? FileDescriptor.standardError.writeAll(text.utf8)
    }
}
