#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

import CredentialStore

/// The only way `policy` writes to the terminal. Every line to stderr passes through the redactor,
/// so a secret that reached a message by any path is masked before it is printed.
final class Output {
    private var secrets: [String] = []

    /// Registers a value that must never be printed (password, token, base64 credentials), together with
    /// the forms it takes when a server or helper quotes it back: JSON-escaped, and line by line (servers'
    /// messages are cut to their first line, so a multi-line `_json_key` would otherwise slip through).
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

    func out(_ line: String) { write(redacted(line) + "\n", to: STDOUT_FILENO) }
    func error(_ line: String) { write(redacted(line) + "\n", to: STDERR_FILENO) }
    func warning(_ line: String) { error("WARNING! " + line) }

    /// Writes raw text to stdout (help screens).
    func raw(_ text: String) { write(text, to: STDOUT_FILENO) }

    private func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
