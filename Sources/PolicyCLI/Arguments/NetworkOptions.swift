import Platform
import PolicyBase
import RegistryAuth

/// How `login` and `status --verify` reach registries: `--plaintext`, `-k`, `--ca-file`, `--cert-file`,
/// `--key-file`, `--timeout`, checked before any request: a file that cannot be read, or a `--ca-file` without a
/// PEM certificate, is a usage error (exit 2) here rather than a TLS failure (exit 4) later.
struct NetworkOptions {
    var plainHTTP: Bool
    var transport: TransportOptions

    init(_ parsed: ParsedArguments) throws(InputError) {
        plainHTTP = parsed.has(.plaintext)
        transport = TransportOptions()
        transport.userAgent = "policy/\(HelpText.version)"
        transport.insecure = parsed.has(.insecure)
        if let timeout = parsed.value(.timeout) {
            guard let seconds = TimeoutSeconds.parse(timeout) else {
                throw .invalidTimeout(OutsideText(timeout, .word))
            }
            transport.timeoutSeconds = seconds
        }
        transport.caFile = try Self.readableFile(parsed, .caFile, "--ca-file")
        if let caFile = transport.caFile { try Self.expectCertificates(in: caFile, "--ca-file") }
        transport.certFile = try Self.readableFile(parsed, .certFile, "--cert-file")
        transport.keyFile = try Self.readableFile(parsed, .keyFile, "--key-file")
        if transport.keyFile != nil && transport.certFile == nil { throw .keyWithoutCert }
        if plainHTTP && (transport.insecure || transport.caFile != nil || transport.certFile != nil) {
            throw .plaintextWithTLSOptions
        }
    }

    /// The PEM marker within the first MiBs of the file (a CA bundle of every public root takes about 200 KiB).
    private static func expectCertificates(in path: String, _ name: String) throws(InputError) {
        let bytes: [UInt8]
        do {
            bytes = try FileDescriptor.readFile(path, limit: 4 << 20)
        } catch {
            throw .unreadableFile(option: name, path: OutsideText(path))
        }
        guard bytes.firstRange(of: Array("-----BEGIN CERTIFICATE-----".utf8)) != nil else {
            throw .notCertificates(option: name, path: OutsideText(path))
        }
    }

    private static func readableFile(
        _ parsed: ParsedArguments, _ option: Option, _ name: String
    ) throws(InputError) -> String? {
        guard let path = parsed.value(option) else { return nil }
        guard Paths.isReadable(path) else { throw .unreadableFile(option: name, path: OutsideText(path)) }
        return path
    }

    /// The same options, with the system's certificate authorities located in `environment` (`SSL_CERT_FILE`,
    /// `SSL_CERT_DIR`, else the distributions' usual places).
    func trusting(_ environment: [String: String]) -> NetworkOptions {
        var options = self
        options.transport.systemTrust = SystemTrust.locate(environment: environment)
        return options
    }
}
