#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

// A credential helper may exit without reading its stdin; the write must then fail, not kill policy.
signal(SIGPIPE, SIG_IGN)
let status = Policy.run(Array(CommandLine.arguments.dropFirst()), environment: .current(), output: StandardStreams())
exit(status.rawValue)
