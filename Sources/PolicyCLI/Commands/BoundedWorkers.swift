#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Computes `work(0..<count)` on up to `limit` threads of its own and returns the results in order. Dispatch's
/// `concurrentPerform` would use one thread per CPU, so on a one-CPU runner slow registries would be asked one
/// after another; these threads mostly wait on the network.
enum BoundedWorkers {
    static func map<Result: Sendable>(count: Int, limit: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let queue = WorkQueue(count: count, work: work)
        var threads: [pthread_t] = []
        for _ in 0..<min(limit, count) {
            var thread = pthread_t()
            // The C entry point cannot name the generic queue: it runs a plain closure instead.
            let box = Unmanaged.passRetained(ThreadBody { queue.drain() }).toOpaque()
            if pthread_create(&thread, nil, { box in
                Unmanaged<ThreadBody>.fromOpaque(box!).takeRetainedValue().run()
                return nil
            }, box) == 0 {
                threads.append(thread)
            } else {
                Unmanaged<ThreadBody>.fromOpaque(box).release()
            }
        }
        queue.drain()  // the calling thread works too, so the work is done even if no thread could start
        for thread in threads { pthread_join(thread, nil) }
        return queue.results()
    }
}

/// What one thread runs.
private final class ThreadBody: @unchecked Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// Hands out indices to the workers and keeps their results, under one lock.
private final class WorkQueue<Result: Sendable>: @unchecked Sendable {
    private let count: Int
    private let work: @Sendable (Int) -> Result
    private var next = 0
    private var finished: [Result?]
    private var lock = pthread_mutex_t()

    init(count: Int, work: @escaping @Sendable (Int) -> Result) {
        self.count = count
        self.work = work
        finished = Array(repeating: nil, count: count)
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

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
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return body()
    }
}
