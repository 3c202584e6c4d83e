#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Asks for the username and password on the terminal attached to stdin; prompts go to stderr so stdout
/// carries only the result. The password is read without echo, and the terminal is restored on every
/// exit path: normal return, error, and SIGINT/SIGTERM/SIGHUP (Ctrl-C).
enum TerminalPrompt {
    /// Reads one line with echo on. Returns nil at end of input.
    static func readLine(prompt: String) -> String? {
        writeToStandardError(prompt)
        return readInputLine()
    }

    /// Reads one line with echo off. Returns nil at end of input or when the terminal cannot be configured.
    static func readSecret(prompt: String) -> String? {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
        SavedTerminal.remember(original)
        installRestoringSignalHandlers()
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        writeToStandardError(prompt)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0 else { return nil }
        defer {
            SavedTerminal.restore()
            SavedTerminal.forget()
        }
        return readInputLine()
    }

    /// Bytes up to a newline, read one at a time so nothing beyond the line is consumed.
    private static func readInputLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes.isEmpty ? nil : SecretInput.trimmed(bytes) }
            if byte == 0x0A { return SecretInput.trimmed(bytes) }
            bytes.append(byte)
            if bytes.count > SecretInput.maxBytes { return nil }
        }
    }

    private static func writeToStandardError(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }

    private static func installRestoringSignalHandlers() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(signalNumber, restoreTerminalAndDie)
        }
    }
}

/// Restores the terminal, then dies of the same signal with its default action (exit status 128+n).
private func restoreTerminalAndDie(_ signalNumber: Int32) {
    SavedTerminal.restore()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// The terminal settings to put back; kept where a signal handler can reach them (async-signal-safe).
/// They live in memory allocated once, before any handler is installed: a Swift global of an imported C
/// struct is copied with its padding (AddressSanitizer reports that as a global-buffer-overflow), and a
/// lazily initialised global would run `swift_once` inside the handler.
private enum SavedTerminal {
    nonisolated(unsafe) static let settings: UnsafeMutablePointer<termios> = {
        let storage = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        storage.initialize(to: termios())
        return storage
    }()
    nonisolated(unsafe) static var isSaved: sig_atomic_t = 0

    static func remember(_ original: termios) {
        settings.pointee = original
        isSaved = 1
    }

    static func forget() { isSaved = 0 }

    static func restore() {
        guard isSaved == 1 else { return }
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, settings)
    }
}
