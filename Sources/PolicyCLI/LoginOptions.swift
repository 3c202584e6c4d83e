import RegistryAuth

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where the password comes from.
enum PasswordSource: Equatable {
    case argument(String)
    case standardInput
    case prompt
}

/// `policy login`'s options, checked and interpreted; every usage error is found here, before any I/O.
struct LoginOptions {
    var serverInput: String?
    var username: String?
    var passwordSource: PasswordSource
    var rememberAsDefault: Bool
    var plainHTTP: Bool
    var transport: TransportOptions

    init(_ parsed: ParsedArguments) throws {
        serverInput = try ServerArgument.input(parsed)
        username = parsed.value(.username)
        if let username {
            if username.isEmpty { throw InputError.emptyUsername }
            if username.contains(":") { throw InputError.colonInUsername }
        }
        switch (parsed.value(.password), parsed.has(.passwordStdin)) {
        case (.some, true): throw InputError.passwordTwice
        case (.some(let password), false):
            if password.isEmpty { throw InputError.emptyPassword }
            passwordSource = .argument(password)
        case (nil, true):
            if username == nil { throw InputError.stdinNeedsUsername }
            passwordSource = .standardInput
        case (nil, false): passwordSource = .prompt
        }
        rememberAsDefault = parsed.has(.defaultDomain)
        plainHTTP = parsed.has(.plaintext)
        transport = TransportOptions()
        transport.userAgent = "policy/\(HelpText.version)"
        transport.insecure = parsed.has(.insecure)
        if let timeout = parsed.value(.timeout) {
            guard let seconds = Int(timeout), (1...3600).contains(seconds) else { throw InputError.invalidTimeout(timeout) }
            transport.timeoutSeconds = seconds
        }
        transport.caFile = try Self.readableFile(parsed, .caFile, "--ca-file")
        transport.certFile = try Self.readableFile(parsed, .certFile, "--cert-file")
        transport.keyFile = try Self.readableFile(parsed, .keyFile, "--key-file")
        if transport.keyFile != nil && transport.certFile == nil { throw InputError.keyWithoutCert }
        if plainHTTP && (transport.insecure || transport.caFile != nil || transport.certFile != nil) {
            throw InputError.plaintextWithTLSOptions
        }
    }

    private static func readableFile(_ parsed: ParsedArguments, _ option: Option, _ name: String) throws(InputError) -> String? {
        guard let path = parsed.value(option) else { return nil }
        guard access(path, R_OK) == 0 else { throw InputError.unreadableFile(option: name, path: path) }
        return path
    }
}
