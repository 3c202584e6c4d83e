@testable import PolicyCLI

/// An output sink that keeps what `policy` printed, per stream, for in-process tests.
final class CapturedOutput: OutputSink {
    private(set) var standardOutput = ""
    private(set) var standardError = ""

    func write(_ text: String, to stream: OutputStream) {
        switch stream {
        case .standardOutput: standardOutput += text
        case .standardError: standardError += text
        }
    }
}
