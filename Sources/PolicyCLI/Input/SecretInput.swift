import Platform
import PolicyBase

/// Reading a secret from standard input the way CI scripts pipe it.
enum SecretInput {
    /// Largest secret accepted from stdin (a GCR JSON key is a few KiB).
    static let maxBytes = 1 << 20

    /// Why stdin did not yield a secret.
    enum ReadFailure: Error {
        case tooLarge
        case failed(Errno)
    }

    /// All of stdin, to its end. A non-blocking stdin is waited on, not taken as ended: a secret cut short
    /// by an early EAGAIN would be sent, and stored if the registry does not check it.
    static func readStandardInput() throws(ReadFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: [UInt8]
            do {
                chunk = try FileDescriptor.standardInput.read(upTo: 16 * 1024)
            } catch  where error.isWouldBlock {
                FileDescriptor.standardInput.waitUntilReadable()
                continue
            } catch {
                throw .failed(error)
            }
            if chunk.isEmpty { return bytes }
            bytes += chunk
            if bytes.count > maxBytes { throw .tooLarge }
        }
    }

    /// The secret: all input minus trailing CR and LF; inner newlines, all spaces and every other byte kept as
    /// they are (a password need not be UTF-8).
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return Array(bytes[..<end])
    }

    /// True when the secret starts or ends with a space or tab, a common copy-paste mistake.
    static func hasSurroundingBlanks(_ secret: [UInt8]) -> Bool {
        let blanks: Set<UInt8> = [0x20, 0x09]
        return secret.first.map(blanks.contains) == true || secret.last.map(blanks.contains) == true
    }
}
