#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error(
    "Platform/JoinableThread.swift: port pthread_create and pthread_join to this C library (see README, Platforms)")
#endif

/// A thread of our own that runs one closure and is joined once.
public final class JoinableThread {
    #if canImport(Glibc)
    private var thread = pthread_t()
    #else
    private var thread: pthread_t?
    #endif
    private var joined = false

    /// Starts `body` on a new thread; nil when the system could not start one.
    public init?(_ body: @escaping @Sendable () -> Void) {
        // The C entry point cannot capture: it receives the closure boxed behind a pointer.
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        let started = pthread_create(
            &thread, nil,
            { box in
                // Optional on Linux, not on Darwin: made optional so one spelling fits both.
                let pointer: UnsafeMutableRawPointer? = box
                Unmanaged<ThreadBody>.fromOpaque(pointer!).takeRetainedValue().run()
                return nil
            }, box)
        guard started == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            return nil
        }
    }

    /// Waits until the closure has returned.
    public func join() {
        guard !joined else { return }
        joined = true
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
    }
}

/// What one thread runs.
private final class ThreadBody: @unchecked Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
