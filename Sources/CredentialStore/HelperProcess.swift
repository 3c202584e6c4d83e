import PolicyBase

/// One run of `docker-credential-<name> <verb>`: the input goes on stdin (the only way a secret travels),
/// stdout and stderr are collected up to a cap, and the call is bounded in time. The helper runs in its own
/// process group so that a timeout, or a signal to `policy`, kills everything it started, not just the helper
/// itself (`BoundedProcess`).
struct HelperProcess: Sendable {
    /// What a finished helper left behind.
    typealias Reply = BoundedProcess.Reply

    let executable: String
    let timeoutSeconds: Int
    let outputLimit: Int

    /// Runs the helper with `verb` as its only argument and `input` on stdin, in the inherited environment.
    /// - Throws: `helperNotFound` when `executable` is not on PATH (naming `configKey`), `helper(…)` on a
    ///   timeout, too much output, or a failure to start.
    func run(_ verb: HelperVerb, input: [UInt8], configKey: String) async throws(StoreError) -> Reply {
        let process = BoundedProcess(
            executable: executable, arguments: [verb.rawValue], timeoutSeconds: timeoutSeconds,
            outputLimit: outputLimit)
        let name = OutsideText(executable, .name)
        switch await process.run(input: input) {
        case .finished(let reply): return reply
        case .timedOut: throw .helper(executable: name, verb: verb, .timedOut(seconds: timeoutSeconds))
        case .notFound: throw .helperNotFound(executable: name, configKey: OutsideText(configKey, .name))
        case .tooMuchOutput: throw .helper(executable: name, verb: verb, .outputTooLarge(limit: outputLimit))
        case .couldNotRun(let reason):
            throw .helper(executable: name, verb: verb, .couldNotRun(reason: OutsideText(reason)))
        }
    }
}
