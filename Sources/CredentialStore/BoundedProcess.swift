import Platform
import Subprocess

/// A program run to completion within bounds: its input on stdin, stdout and stderr collected up to a cap,
/// and a timeout after which it and everything it started are killed (it leads a process group of its own). The
/// group is registered with `ChildProcessGroups`, so that SIGINT, SIGTERM or SIGHUP to `policy` ends it too before
/// `policy` ends (a helper must not finish a store after `policy` was interrupted). Credential helpers and AWS
/// `credential_process` commands both run this way.
struct BoundedProcess: Sendable {
    /// What a finished program left behind.
    struct Reply: Sendable {
        var status: HelperExitStatus
        var stdout: [UInt8]
        var stderr: [UInt8]
        var succeeded: Bool { status == .exited(0) }
    }

    /// How a run ended.
    enum Outcome: Sendable {
        case finished(Reply)
        case timedOut
        case notFound
        case tooMuchOutput
        case couldNotRun(String)
    }

    /// A name looked up on PATH, or a path.
    let executable: String
    let arguments: [String]
    let timeoutSeconds: Int
    let outputLimit: Int

    /// Runs the program in the inherited environment with `input` on stdin.
    func run(input: [UInt8]) async -> Outcome {
        await withTaskGroup(of: Outcome.self) { group in
            group.addTask { await launch(input: input) }
            group.addTask {
                try? await Task.sleep(for: .seconds(timeoutSeconds))
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
    }

    private func launch(input: [UInt8]) async -> Outcome {
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))
        ]
        let program: Executable = executable.hasPrefix("/") ? .path(.init(executable)) : .name(executable)
        let slot = ChildProcessGroups.starting()
        defer { ChildProcessGroups.ended(slot) }
        do {
            let result = try await Subprocess.run(
                program, arguments: Arguments(arguments), environment: .inherit, platformOptions: options,
                input: HelperInput(bytes: input), output: .bytes(limit: outputLimit), error: .bytes(limit: outputLimit)
            ) { execution in
                ChildProcessGroups.started(execution.processIdentifier.value, in: slot)
            }
            return .finished(
                Reply(
                    status: Self.status(result.terminationStatus),
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
