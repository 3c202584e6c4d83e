import PolicyBase
import Subprocess

/// One run of `docker-credential-<name> <verb>`: the input goes on stdin (the only way a secret travels),
/// stdout and stderr are collected up to a cap, and the call is bounded in time. The helper runs in its own
/// process group so that a timeout kills everything it started, not just the helper itself.
struct HelperProcess: Sendable {
    /// What a finished helper left behind.
    struct Reply: Sendable {
        var status: HelperExitStatus
        var stdout: [UInt8]
        var stderr: [UInt8]
        var succeeded: Bool { status == .exited(0) }
    }

    let executable: String
    let timeoutSeconds: Int
    let outputLimit: Int

    /// Runs the helper with `verb` as its only argument and `input` on stdin, in the inherited environment.
    /// - Throws: `helperNotFound` when `executable` is not on PATH (naming `configKey`), `helper(…)` on a
    ///   timeout, too much output, or a failure to start.
    func run(_ verb: HelperVerb, input: [UInt8], configKey: String) async throws(StoreError) -> Reply {
        let outcome = await withTaskGroup(of: Outcome.self) { group in
            group.addTask { await launch(verb, input: input) }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeoutSeconds))
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
        switch outcome {
        case .finished(let reply): return reply
        case .timedOut: throw .helper(executable: OutsideText(executable, .name), verb: verb, .timedOut(seconds: timeoutSeconds))
        case .notFound: throw .helperNotFound(executable: OutsideText(executable, .name), configKey: OutsideText(configKey, .name))
        case .tooMuchOutput: throw .helper(executable: OutsideText(executable, .name), verb: verb, .outputTooLarge(limit: outputLimit))
        case .couldNotRun(let reason): throw .helper(executable: OutsideText(executable, .name), verb: verb, .couldNotRun(reason: OutsideText(reason)))
        }
    }

    private enum Outcome: Sendable {
        case finished(Reply)
        case timedOut
        case notFound
        case tooMuchOutput
        case couldNotRun(String)
    }

    private func launch(_ verb: HelperVerb, input: [UInt8]) async -> Outcome {
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [.send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))]
        do {
            let result = try await Subprocess.run(
                .name(executable), arguments: [verb.rawValue], environment: .inherit, platformOptions: options,
                input: HelperInput(bytes: input), output: .bytes(limit: outputLimit), error: .bytes(limit: outputLimit))
            return .finished(Reply(status: Self.status(result.terminationStatus),
                                   stdout: result.standardOutput, stderr: result.standardError))
        } catch let error as SubprocessError {
            switch error.code {
            case .executableNotFound: return .notFound
            case .outputLimitExceeded: return .tooMuchOutput
            default: return .couldNotRun(error.description)
            }
        } catch {
            // Cancellation is how the timeout stops the call; anything else is a failure to run.
            return Task.isCancelled ? .timedOut : .couldNotRun("\(error)")
        }
    }

    private static func status(_ status: TerminationStatus) -> HelperExitStatus {
        switch status {
        case .exited(let code): return .exited(Int32(code))
        case .signaled(let signal): return .signaled(Int32(signal))
        }
    }
}
