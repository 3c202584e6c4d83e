import Platform
import PolicyBase
import RegistryAuth

/// How `login` and `status --verify` reach registries: `--plaintext`, `-k`, `--ca-file`, `--cert-file`,
/// `--key-file`, `--timeout`, checked before any I/O.
struct NetworkOptions {
    var plainHTTP: Bool
    var transport: TransportOptions

    init(_ parsed: ParsedArguments) throws(InputError) {
        plainHTTP = parsed.has(.plaintext)
        transport = TransportOptions()
        transport.userAgent = "policy/\(HelpText.version)"
        transport.insecure = parsed.has(.insecure)
        if let timeout = parsed.value(.timeout) {
            guard let seconds = TimeoutSeconds.parse(timeout) else { throw .invalidTimeout(OutsideText(timeout, .word)) }
            transport.timeoutSeconds = seconds
        }
        transport.caFile = try Self.readableFile(parsed, .caFile, "--ca-file")
        transport.certFile = try Self.readableFile(parsed, .certFile, "--cert-file")
        transport.keyFile = try Self.readableFile(parsed, .keyFile, "--key-file")
        if transport.keyFile != nil && transport.certFile == nil { throw .keyWithoutCert }
        if plainHTTP && (transport.insecure || transport.caFile != nil || transport.certFile != nil) {
            throw .plaintextWithTLSOptions
        }
    }

    private static func readableFile(_ parsed: ParsedArguments, _ option: Option, _ name: String) throws(InputError) -> String? {
        guard let path = parsed.value(option) else { return nil }
        guard Paths.isReadable(path) else { throw .unreadableFile(option: name, path: OutsideText(path)) }
        return path
    }
}
