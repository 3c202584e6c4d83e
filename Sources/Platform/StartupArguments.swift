#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The argument vector read where the kernel left it, for when the Swift runtime could not find it.
///
/// On Linux the runtime locates `argv` by looking up the main thread's stack in `/proc/self/maps` and walking back
/// from `environ`; where `/proc` is not mounted (an empty chroot, a minimal container) it finds nothing and
/// `CommandLine.arguments` is empty. The walk itself needs no `/proc`: the System V ABI lays out the initial stack
/// as `argc`, the `argc` argument pointers, a NULL, then the environment pointers that `environ` points at, and
/// every argument string lies above those arrays. So, as long as `environ` is still that array (nothing has set
/// a variable yet), the word `k + 1` slots below its NULL holding `k` is `argc`.
enum StartupArguments {
    /// Bound on the walk: the kernel passes at most this many arguments in the smallest stack it allows.
    private static let maximumCount = 1 << 20

    /// The arguments, program name included, or nil when `environ` no longer points at the initial stack.
    static func read() -> [[UInt8]]? {
        #if os(Linux)
        var marker = 0
        let stackBelow = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let environment = UnsafeRawPointer(environ)
        let environmentAddress = UInt(bitPattern: environment)
        // A replaced environment is on the heap or in a mapping, both below this thread's stack.
        guard environmentAddress > stackBelow else { return nil }
        let words = environment.assumingMemoryBound(to: UInt.self)
        guard words[-1] == 0 else { return nil }
        var count = 0
        while count < maximumCount {
            let slot = words - 2 - count
            guard UInt(bitPattern: slot) > stackBelow else { return nil }
            let word = slot.pointee
            if word == UInt(count) {
                return (0..<count).map { index in
                    let argument = UnsafePointer<CChar>(bitPattern: slot[1 + index])!
                    return Array(
                        UnsafeBufferPointer(
                            start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self),
                            count: strlen(argument)))
                }
            }
            // An argument pointer points at a string above the arrays; anything else means this is not the layout.
            guard word > environmentAddress else { return nil }
            count += 1
        }
        return nil
        #else
        return nil
        #endif
    }
}
