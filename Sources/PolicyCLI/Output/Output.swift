import Platform
import PolicyBase

/// Where `policy`'s text goes: the process's stdout and stderr, or a buffer in tests.
protocol OutputSink: AnyObject {
    /// Writes all of `text`, or throws the error of the write that failed.
    func write(_ text: String, to stream: OutputStream) throws(Errno)
}

/// The two streams a command writes to.
enum OutputStream: Sendable {
    case standardOutput, standardError
}

/// The only way `policy` writes. What it writes is exact: our sentences, the status table and `--json` hold no
/// secret by construction, and are never rewritten to hide one. Text from outside is redacted where it is made
/// (`OutsideText(_:redacting:)`); `--debug`'s trace, which shows what servers sent, passes `redaction` here.
/// Every write is checked, as coreutils do: the first failure on a stream is kept (`failure(of:)`), later writes
/// to that stream are not attempted, and `Policy.run` ends with a non-zero exit.
final class Output {
    private let sink: any OutputSink
    /// Every secret in play (passwords, tokens, base64 credentials), for text from outside that the CLI quotes.
    private(set) var redaction = Redaction()
    private var failures: [OutputStream: Errno] = [:]

    init(sink: any OutputSink) {
        self.sink = sink
    }

    /// Registers a secret, in every form it takes when quoted back.
    func protect(_ secret: String) { redaction.add(secret) }
    func protect(_ secret: [UInt8]) { redaction.add(secret) }

    func out(_ line: String) { write(line + "\n", to: .standardOutput) }
    func error(_ line: String) { write(line + "\n", to: .standardError) }
    func warning(_ line: String) { error("WARNING! " + line) }

    /// Writes text to stdout as it is, lines and all (help screens, the status table).
    func raw(_ text: String) { write(text, to: .standardOutput) }

    /// The first failed write to `stream`, if one failed.
    func failure(of stream: OutputStream) -> Errno? { failures[stream] }

    private func write(_ text: String, to stream: OutputStream) {
        guard failures[stream] == nil else { return }
        do {
            try sink.write(text, to: stream)
        } catch {
            failures[stream] = error
        }
    }
}

/// The process's own stdout and stderr.
final class StandardStreams: OutputSink {
    /// Set when stdout turned out to be a pipe nobody reads any more: `policy` then ends as by SIGPIPE.
    private(set) var standardOutputPipeClosed = false

    func write(_ text: String, to stream: OutputStream) throws(Errno) {
        let descriptor: FileDescriptor = stream == .standardOutput ? .standardOutput : .standardError
        do {
            try descriptor.writeAll(text.utf8)
        } catch {
            if stream == .standardOutput && error == .brokenPipe { standardOutputPipeClosed = true }
            throw error
        }
    }
}
