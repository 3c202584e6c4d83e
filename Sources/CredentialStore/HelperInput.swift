import Subprocess

/// A helper's stdin. A helper may exit without reading it (e.g. it fails at once): the write then fails,
/// and that is not an error of ours — the helper's exit status and message say what happened. Closing
/// standard input on that path also avoids swift-subprocess 1.0.2 trapping on a writer that a failed
/// write left open (its `ArrayInput` only closes it after a successful write).
struct HelperInput: InputProtocol {
    let bytes: [UInt8]

    func write(with writer: StandardInputWriter) async throws {
        do {
            if !bytes.isEmpty { _ = try await writer.write(bytes) }
        } catch {
            // The helper closed its end; fall through to closing ours.
        }
        try? await writer.finish()
    }
}
