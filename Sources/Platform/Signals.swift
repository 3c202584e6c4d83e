#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/Signals.swift: port signal, sigaction and raise to this C library (see README, Platforms)")
#endif

/// A signal number, with the ones `policy` handles named.
public struct Signal: Hashable, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static let interrupt = Signal(rawValue: SIGINT)
    public static let terminate = Signal(rawValue: SIGTERM)
    public static let hangUp = Signal(rawValue: SIGHUP)
    public static let quit = Signal(rawValue: SIGQUIT)
    public static let terminalStop = Signal(rawValue: SIGTSTP)
    public static let `continue` = Signal(rawValue: SIGCONT)
    public static let brokenPipe = Signal(rawValue: SIGPIPE)
}

/// A C signal handler: it may only make async-signal-safe calls.
typealias SignalHandler = @convention(c) (Int32) -> Void

/// Installing and asking about signal dispositions, and what a terminating signal does.
public enum Signals {
    /// Ignores SIGPIPE: a write to a pipe nobody reads then fails with EPIPE instead of killing `policy`
    /// (a credential helper may exit without reading its stdin; stdout may be a closed pipe).
    public static func ignoreBrokenPipe() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// SIGINT, SIGTERM and SIGHUP end the process group of every running helper (`ChildProcessGroups`), wait
    /// for it, restore the terminal if a password prompt changed it, and then end `policy` by the same signal,
    /// so its parent sees the real cause (a shell reports 128+n). A signal the parent ignored stays ignored.
    public static func installTerminationHandlers() {
        prepareForHandlers()
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] where !isIgnored(signalNumber) {
            install(terminationHandler, for: signalNumber)
        }
    }

    /// Ends `policy` as a closed pipe would have with SIGPIPE's default action: quietly, its parent seeing the
    /// signal (a shell reports 141). For when stdout turned out to be a pipe nobody reads any more.
    public static func endByBrokenPipe() -> Never {
        raiseWithDefaultAction(SIGPIPE)
        _exit(128 + SIGPIPE)
    }

    /// Ends what must not outlive `policy`, then `policy` itself by `signalNumber`. Async-signal-safe.
    static func terminate(by signalNumber: Int32) {
        ChildProcessGroups.endAll()
        SavedTerminal.restore()
        raiseWithDefaultAction(signalNumber)
    }

    /// Touches the state the handlers read, so that none is first initialised inside a handler.
    static func prepareForHandlers() {
        ChildProcessGroups.prepareForHandlers()
        SavedTerminal.prepareForHandlers()
    }

    /// Whether the signal is ignored, as a parent may have arranged (`nohup`, `trap '' INT`); such a signal stays so.
    static func isIgnored(_ signalNumber: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signalNumber, nil, &current) == 0 else { return false }
        #if canImport(Glibc)
        let handler = current.__sigaction_handler.sa_handler
        #elseif canImport(Musl)
        let handler = current.__sa_handler.sa_handler
        #elseif canImport(Darwin)
        let handler = current.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Runs `handler` when the signal arrives.
    static func install(_ handler: SignalHandler, for signalNumber: Int32) {
        _ = signal(signalNumber, handler)
    }

    /// Puts back the default action and raises the signal again: the process ends (or stops) the way it
    /// would have without a handler, so its parent sees the real cause. Async-signal-safe.
    static func raiseWithDefaultAction(_ signalNumber: Int32) {
        _ = signal(signalNumber, SIG_DFL)
        _ = raise(signalNumber)
    }
}

/// SIGINT, SIGTERM, SIGHUP (and SIGQUIT at a password prompt). While a helper is being started its pid is not
/// known yet: the signal is then held, and its starter ends `policy` as soon as the pid is (or the start failed).
func terminationHandler(_ signalNumber: Int32) {
    if ChildProcessGroups.holdWhileStarting(signalNumber) { return }
    Signals.terminate(by: signalNumber)
}
