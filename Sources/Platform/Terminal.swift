#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/Terminal.swift: port termios (tcgetattr, tcsetattr) to this C library (see README, Platforms)")
#endif

/// Echo control for the terminal on standard input, for reading a password. The settings to put back are
/// restored on every exit path: by `restoreInput()`, and by terminating signals (INT, TERM, HUP, QUIT), whose
/// handler (`Signals`) restores the terminal before `policy` ends by the same signal. Ctrl-Z shows the shell a
/// normal terminal, and `fg` turns echo off again while the prompt still waits.
public enum Terminal {
    /// Saves the current settings of standard input's terminal and installs the restoring signal handlers.
    /// - Returns: false when standard input is not a terminal.
    public static func saveInputSettings() -> Bool {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return false }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        SavedTerminal.remember(original, silent: silent)
        installSignalHandlers()
        return true
    }

    /// Turns echo off (the newline the user types is still echoed); false when the terminal refused or
    /// `saveInputSettings()` was not called.
    public static func hideInput() -> Bool {
        SavedTerminal.silence()
    }

    /// Puts the saved settings back and forgets them.
    public static func restoreInput() {
        SavedTerminal.restore()
        SavedTerminal.forget()
    }

    /// A signal the parent ignored (`nohup`, `trap '' INT`) stays ignored.
    private static func installSignalHandlers() {
        Signals.prepareForHandlers()
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] where !Signals.isIgnored(signalNumber) {
            Signals.install(terminationHandler, for: signalNumber)
        }
        if !Signals.isIgnored(SIGTSTP) {
            Signals.install(restoreTerminalAndStop, for: SIGTSTP)
            Signals.install(silenceTerminalAgain, for: SIGCONT)
        }
    }
}

/// Ctrl-Z: restores the terminal, then stops by the default action (delivered when this handler returns).
private func restoreTerminalAndStop(_ signalNumber: Int32) {
    SavedTerminal.restore()
    Signals.raiseWithDefaultAction(SIGTSTP)
}

/// `fg`: echo off again and Ctrl-Z handled again, while the password prompt is still waiting.
private func silenceTerminalAgain(_ signalNumber: Int32) {
    guard SavedTerminal.silence() else { return }
    Signals.install(restoreTerminalAndStop, for: SIGTSTP)
}

/// The terminal settings to put back; kept where a signal handler can reach them (async-signal-safe).
/// They live in memory allocated once, before any handler is installed: a Swift global of an imported C
/// struct is copied with its padding (AddressSanitizer reports that as a global-buffer-overflow), and a
/// lazily initialised global would run `swift_once` inside the handler.
enum SavedTerminal {
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

    /// Initialises the storage, before any handler that reads it is installed.
    static func prepareForHandlers() {
        _ = settings
        _ = isSaved
    }

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
