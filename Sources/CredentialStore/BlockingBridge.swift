import Dispatch

/// Runs asynchronous work to completion from synchronous code.
///
/// Only credential-helper processes need Swift concurrency (swift-subprocess is async). Keeping the rest of
/// `policy` synchronous, with this one bridge at the helper call, spares every login that uses the file store
/// the concurrency runtime's worker threads: an async `main` cost about 1.5 MiB of peak memory and a few
/// milliseconds per run in `make bench`.
enum BlockingBridge {
    /// Starts `operation` on the global executor and blocks the calling thread until it finishes.
    /// Must not be called from inside a task (the caller's thread would be one the task may need).
    static func run<Success: Sendable>(
        _ operation: @escaping @Sendable () async throws(StoreError) -> Success
    ) throws(StoreError) -> Success {
        let outcome = OutcomeBox<Success>()
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            do throws(StoreError) {
                outcome.result = .success(try await operation())
            } catch {
                outcome.result = .failure(error)
            }
            finished.signal()
        }
        finished.wait()
        // The task sets the result before it signals, so it is there.
        return try outcome.result!.get()
    }
}

/// Carries the result from the task to the waiting thread; the semaphore orders the write before the read.
private final class OutcomeBox<Success>: @unchecked Sendable {
    var result: Result<Success, StoreError>?
}
