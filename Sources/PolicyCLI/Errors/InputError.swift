import Platform
import PolicyBase
import RegistryAuth

/// Usage problems found after parsing, while a command interprets its options and reads its input (exit 2).
enum InputError: Error, Equatable {
    case noServer
    case serverTwice
    case passwordTwice
    case stdinNeedsUsername
    case emptyStdin
    case stdinTooLarge
    case stdinUnreadable(errno: Int32)
    case emptyPassword
    case nulInPassword
    case emptyUsername
    case colonInUsername
    case noUsernameNoTTY
    case noPasswordNoTTY
    case invalidServer(RegistryAddressError)
    /// The server remembered in `file` (default-domain.cfg) is not a registry address.
    case invalidDefaultDomain(file: OutsideText, RegistryAddressError)
    case invalidSecondsVariable(variable: String, value: OutsideText)
    case invalidTimeout(OutsideText)
    case unreadableFile(option: String, path: OutsideText)
    /// `--ca-file` names a file with no PEM certificate in it.
    case notCertificates(option: String, path: OutsideText)
    case keyWithoutCert
    case plaintextWithTLSOptions
    case invalidAccess(OutsideText)
    case allWithServer
}

extension InputError: ReportableError {
    var exitCode: ExitCode { .usage }

    var sentence: String {
        switch self {
        case .noServer: "No registry given: provide --server HOST (or set one with 'policy login -d')."
        case .serverTwice: "The registry was given both as --server and as an argument; give it once."
        case .passwordTwice: "--password and --password-stdin cannot be used together."
        case .stdinNeedsUsername: "--password-stdin needs --username: stdin carries only the password."
        case .emptyStdin: "--password-stdin read nothing: pipe the password or token into policy."
        case .stdinTooLarge: "--password-stdin read more than 1 MiB; that is not a password."
        case .stdinUnreadable(let code): "--password-stdin could not read standard input: \(Errno(rawValue: code))."
        case .emptyPassword: "The password is empty."
        case .nulInPassword:
            "The password contains a NUL byte, which HTTP Basic authentication cannot carry through libcurl; it was not sent, nor cut short."
        case .emptyUsername: "The username is empty."
        case .colonInUsername: "The username cannot contain ':' (HTTP Basic authentication forbids it)."
        case .noUsernameNoTTY: "No username given: provide --username (no terminal to ask on)."
        case .noPasswordNoTTY:
            "No password given and no terminal to ask on: pipe it with --password-stdin, e.g. 'echo \"$TOKEN\" | \(LoginCommandLine.text(server: "HOST"))'."
        case .invalidServer(let error): "The server is not a registry address: \(error.reason)."
        case .invalidDefaultDomain(let file, let error):
            "The default registry remembered in '\(file)' is not a registry address: \(error.reason); give --server, or remember another with 'policy login -d -s HOST'."
        case .invalidSecondsVariable(let variable, let value):
            "$\(variable) must be a whole number of seconds \(TimeoutSeconds.range), not '\(value)'."
        case .invalidTimeout(let value):
            "--timeout must be a whole number of seconds \(TimeoutSeconds.range), not '\(value)'."
        case .unreadableFile(let option, let path): "Cannot read the file given to \(option): '\(path)'."
        case .notCertificates(let option, let path):
            "The file given to \(option) holds no PEM certificate ('-----BEGIN CERTIFICATE-----'): '\(path)'; pass the certificate authority's certificate in PEM form."
        case .keyWithoutCert: "--key-file needs --cert-file (and --cert-file alone needs the key inside it)."
        case .plaintextWithTLSOptions: "--plaintext cannot be combined with -k, --ca-file, --cert-file or --key-file."
        case .invalidAccess(let text):
            "--check-access takes a repository without the registry and optional actions, e.g. org/policy or org/policy:pull,push; '\(text)' is not one."
        case .allWithServer: "'policy logout --all' removes every login; give it no server."
        }
    }
}

extension RegistryAddressError {
    /// The second half of the "not a registry address" sentence.
    var reason: String {
        switch self {
        case .empty: return "it is empty"
        case .unsupportedScheme(let scheme): return "the scheme '\(scheme)' is not http or https"
        case .hasPath(let path): return "give the host and port only, without the path '\(path)'"
        case .invalidHost:
            // Not quoted: a password given where the server belongs must not reach a CI log.
            return
                "it is not a host name (letters, digits, '.', '-', '_', or a bracketed IPv6 address, and an optional :PORT)"
        case .invalidPort(let port): return "the port '\(port)' is not a number between 1 and 65535"
        }
    }
}
