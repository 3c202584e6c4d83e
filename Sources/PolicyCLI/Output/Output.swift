import Platform

import PolicyBase

/// Where `policy`'s text goes: the process's stdout and stderr, or a buffer in tests.
protocol OutputSink: AnyObject {
    func write(_ text: String, to stream: OutputStream)
}

/// The two streams a command writes to.
enum OutputStream: Sendable {
    case standardOutput, standardError
}

/// The only way `policy` writes. What it writes is exact: our sentences, the status table and `--json` hold no
/// secret by construction, and are never rewritten to hide one. Text from outside is redacted where it is made
/// (`OutsideText(_:redacting:)`); `--debug`'s trace, which shows what servers sent, passes `redaction` here.
final class Output {
    private let sink: any OutputSink
    /// Every secret in play (passwords, tokens, base64 credentials), for text from outside that the CLI quotes.
    private(set) var redaction = Redaction()

    init(sink: any OutputSink) {
        self.sink = sink
    }

    /// Registers a secret, in every form it takes when quoted back.
    func protect(_ secret: String) { redaction.add(secret) }
    func protect(_ secret: [UInt8]) { redaction.add(secret) }

    func out(_ line: String) { sink.write(line + "\n", to: .standardOutput) }
    func error(_ line: String) { sink.write(line + "\n", to: .standardError) }
    func warning(_ line: String) { error("WARNING! " + line) }

    /// Writes text to stdout as it is, lines and all (help screens, the status table).
    func raw(_ text: String) { sink.write(text, to: .standardOutput) }
}

/// The process's own stdout and stderr.
final class StandardStreams: OutputSink {
    func write(_ text: String, to stream: OutputStream) {
        let descriptor: FileDescriptor = stream == .standardOutput ? .standardOutput : .standardError
        try? descriptor.writeAll(text.utf8)
    }
}
