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

/// The only way `policy` writes. Every line to stderr passes through the redactor, so a secret that reached
/// a message by any path is masked before it is printed.
final class Output {
    private let sink: any OutputSink
    private var secrets: [String] = []

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

    func out(_ line: String) { sink.write(redacted(line) + "\n", to: .standardOutput) }
    func error(_ line: String) { sink.write(redacted(line) + "\n", to: .standardError) }
    func warning(_ line: String) { error("WARNING! " + line) }

    /// Writes text to stdout as it is, lines and all (help screens, the status table), still redacted.
    func raw(_ text: String) { sink.write(redacted(text), to: .standardOutput) }
}

/// The process's own stdout and stderr.
final class StandardStreams: OutputSink {
    func write(_ text: String, to stream: OutputStream) {
        let descriptor: FileDescriptor = stream == .standardOutput ? .standardOutput : .standardError
        try? descriptor.writeAll(text.utf8)
    }
}
