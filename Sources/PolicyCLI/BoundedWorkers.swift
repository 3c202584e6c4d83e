#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs `work(0..<count)` on up to `limit` threads of its own and returns when all are done. Dispatch's
/// `concurrentPerform` would use one thread per CPU, so on a one-CPU runner slow registries would be asked one
/// after another; these threads mostly wait on the network.
enum BoundedWorkers {
    static func run(count: Int, limit: Int, _ work: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let queue = WorkQueue(count: count, work: work)
        var threads: [pthread_t] = []
        for _ in 0..<min(limit, count) {
            var thread = pthread_t()
            let box = Unmanaged.passRetained(queue).toOpaque()
            if pthread_create(&thread, nil, { box in
                let queue = Unmanaged<WorkQueue>.fromOpaque(box!).takeRetainedValue()
                queue.drain()
                return nil
            }, box) == 0 {
                threads.append(thread)
            } else {
                Unmanaged<WorkQueue>.fromOpaque(box).release()
            }
        }
        queue.drain()  // the calling thread works too, so the work is done even if no thread could start
        for thread in threads { pthread_join(thread, nil) }
    }
}

/// Hands out indices to the workers under a lock.
private final class WorkQueue: @unchecked Sendable {
    private let count: Int
    private let work: @Sendable (Int) -> Void
    private var next = 0
    private var lock = pthread_mutex_t()

    init(count: Int, work: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.work = work
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    func drain() {
        while let index = take() { work(index) }
    }

    private func take() -> Int? {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }
}
