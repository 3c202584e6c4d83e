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

/// The only way `policy` writes. Every line to stderr passes through the redactor, so a secret that reached
/// a message by any path is masked before it is printed. Every write is checked, as coreutils do: the first
/// failure on a stream is kept (`failure(of:)`), later writes to that stream are not attempted, and
/// `Policy.run` ends with a non-zero exit.
final class Output {
    private let sink: any OutputSink
    private var secrets: [String] = []
    private var failures: [OutputStream: Errno] = [:]

    init(sink: any OutputSink) {
        self.sink = sink
    }

    /// Registers a value that must never be printed (password, token, base64 credentials), together with
    /// the forms it takes when a server or helper quotes it back: JSON-escaped, and line by line (a multi-line
    /// `_json_key` quoted in a cleaned, one-line message keeps each of its lines).
    func protect(_ secret: String) {
        var forms = [secret]
        let json = String(decoding: JSONWriter.write(.string(secret)), as: UTF8.self)
        forms.append(String(json.dropFirst().dropLast(2)))  // without the quotes and the final newline
        if secret.contains(where: \.isNewline) {
            forms += secret.split(whereSeparator: \.isNewline).map { $0.trimmingBlanks() }.filter { $0.count >= 12 }
        }
        for form in forms where form.count >= 4 && !secrets.contains(form) {
            secrets.append(form)
        }
        secrets.sort { $0.count > $1.count }
    }

    func redacted(_ text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacing(secret, with: "[redacted]") }
        return result
    }

    func out(_ line: String) { write(redacted(line) + "\n", to: .standardOutput) }
    func error(_ line: String) { write(redacted(line) + "\n", to: .standardError) }
    func warning(_ line: String) { error("WARNING! " + line) }

    /// Writes text to stdout as it is, lines and all (help screens, the status table), still redacted.
    func raw(_ text: String) { write(redacted(text), to: .standardOutput) }

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
