#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/TemporaryFile.swift: port mkstemp to this C library (see README, Platforms)")
#endif

/// A new, uniquely named file, created and opened (mode 0600) so that no other process can claim the name.
public struct TemporaryFile {
    public let descriptor: FileDescriptor
    public let path: String

    /// Creates `<prefix>XXXXXX`, the X's replaced by the C library, beside whatever `prefix` names.
    public init(prefix: String) throws(Errno) {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .current }
        descriptor = FileDescriptor(rawValue: fd)
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
