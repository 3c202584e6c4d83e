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
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        SavedTerminal.remember(original, silent: silent)
        installSignalHandlers()
        writeToStandardError(prompt)
        guard SavedTerminal.silence() else { return nil }
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

    /// Terminating signals restore the terminal first; a signal the parent ignored (`nohup`, `trap '' INT`)
    /// stays ignored. Ctrl-Z shows the shell a normal terminal and the prompt goes silent again on `fg`.
    private static func installSignalHandlers() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] where !isIgnored(signalNumber) {
            signal(signalNumber, restoreTerminalAndDie)
        }
        if !isIgnored(SIGTSTP) {
            signal(SIGTSTP, restoreTerminalAndStop)
            signal(SIGCONT, silenceTerminalAgain)
        }
    }

    private static func isIgnored(_ signalNumber: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signalNumber, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}

/// Restores the terminal, then dies of the same signal with its default action (exit status 128+n).
private func restoreTerminalAndDie(_ signalNumber: Int32) {
    SavedTerminal.restore()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// Ctrl-Z: restores the terminal, then stops by the default action (delivered when this handler returns).
private func restoreTerminalAndStop(_ signalNumber: Int32) {
    SavedTerminal.restore()
    signal(SIGTSTP, SIG_DFL)
    raise(SIGTSTP)
}

/// `fg`: echo off again and Ctrl-Z handled again, while the password prompt is still waiting.
private func silenceTerminalAgain(_ signalNumber: Int32) {
    guard SavedTerminal.silence() else { return }
    signal(SIGTSTP, restoreTerminalAndStop)
}

/// The terminal settings to put back; kept where a signal handler can reach them (async-signal-safe).
/// They live in memory allocated once, before any handler is installed: a Swift global of an imported C
/// struct is copied with its padding (AddressSanitizer reports that as a global-buffer-overflow), and a
/// lazily initialised global would run `swift_once` inside the handler.
private enum SavedTerminal {
    /// [0]: the settings to put back; [1]: the same with echo off.
    nonisolated(unsafe) static let settings: UnsafeMutablePointer<termios> = {
        let storage = UnsafeMutablePointer<termios>.allocate(capacity: 2)
        storage.initialize(repeating: termios(), count: 2)
        return storage
    }()
    nonisolated(unsafe) static var isSaved: sig_atomic_t = 0

    static func remember(_ original: termios, silent: termios) {
        settings[0] = original
        settings[1] = silent
        isSaved = 1
    }

    static func forget() { isSaved = 0 }

    static func restore() {
        guard isSaved == 1 else { return }
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, settings)
    }

    /// Turns echo off; false when the terminal refused or nothing is saved.
    static func silence() -> Bool {
        guard isSaved == 1 else { return false }
        return tcsetattr(STDIN_FILENO, TCSAFLUSH, settings + 1) == 0
    }
}
