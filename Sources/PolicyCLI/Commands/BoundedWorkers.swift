import Platform

/// Computes `work(0..<count)` on up to `limit` threads of its own and returns the results in order. Dispatch's
/// `concurrentPerform` would use one thread per CPU, so on a one-CPU runner slow registries would be asked one
/// after another; these threads mostly wait on the network.
enum BoundedWorkers {
    static func map<Result: Sendable>(count: Int, limit: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let queue = WorkQueue(count: count, work: work)
        let threads = (0..<min(limit, count)).compactMap { _ in JoinableThread { queue.drain() } }
        queue.drain()  // the calling thread works too, so the work is done even if no thread could start
        for thread in threads { thread.join() }
        return queue.results()
    }
}

/// Hands out indices to the workers and keeps their results, under one lock.
private final class WorkQueue<Result: Sendable>: @unchecked Sendable {
    private let count: Int
    private let work: @Sendable (Int) -> Result
    private var next = 0
    private var finished: [Result?]
    private let lock = ThreadLock()

    init(count: Int, work: @escaping @Sendable (Int) -> Result) {
        self.count = count
        self.work = work
        finished = Array(repeating: nil, count: count)
    }

    func drain() {
        while let index = locked({ () -> Int? in
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }) {
            let result = work(index)
            locked { finished[index] = result }
        }
    }

    /// Every result; called once all workers have been joined.
    func results() -> [Result] { locked { finished.compactMap { $0 } } }

    private func locked<Value>(_ body: () -> Value) -> Value {
        lock.withLock(body)
    }
}
