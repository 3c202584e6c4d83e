import Foundation
import Testing

/// `policy --version` and `policy version` print one line: policy's version and the libcurl, TLS library and
/// nghttp2 it runs with, as libcurl reports them at run time — the static binary's own copies (which resolve
/// names with c-ares, so it names c-ares too) or, in a dynamic build, the system's.
struct VersionTests {
    @Test func namesTheLibrariesInside() throws {
        let option = try PolicyBinary.run(["--version"], timeout: 10)
        let command = try PolicyBinary.run(["version"], timeout: 10)
        #expect(option.exitCode == 0 && command.exitCode == 0)
        #expect(option.stderr.isEmpty && command.stderr.isEmpty)
        #expect(option.stdout == command.stdout)
        let line =
            /policy version (\d+\.\d+\.\d+) \(libcurl\/(\d+\.\d+\.\d+) OpenSSL\/(\S+) nghttp2\/(\d+\.\d+\.\d+)( c-ares\/\d+\.\d+\.\d+)?\)\n/
        let match = try #require(option.stdout.wholeMatch(of: line), "\(option.stdout)")
        // The same version the man page carries: one number, written once.
        let page = try PolicyBinary.run(["__man"], timeout: 10)
        #expect(page.stdout.contains(#""policy \#(match.1)""#))
        // The static binary (no program interpreter) carries its own resolver: c-ares, not getaddrinfo and NSS.
        if try !Self.hasInterpreter(Paths.policyBinary) {
            #expect(match.5 != nil, "a static binary without c-ares: \(option.stdout)")
        }
    }

    /// Whether the ELF file names a program interpreter (a PT_INTERP program header): a dynamic executable.
    static func hasInterpreter(_ path: String) throws -> Bool {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func number(_ offset: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let headers = number(0x20, 8)
        let size = number(0x36, 2)
        let count = number(0x38, 2)
        let interpreterType = 3
        return (0..<count).contains { number(headers + $0 * size, 4) == interpreterType }
    }
}
