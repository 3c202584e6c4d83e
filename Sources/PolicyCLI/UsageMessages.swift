#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import RegistryAuth

/// The sentences for command-line mistakes (exit 2).
extension UsageError: CustomStringConvertible {
    var description: String {
        switch self {
        case .unknownOption(let option):
            return "Unknown option '\(option)'; run 'policy --help' for the list."
        case .missingValue(let option):
            return "Option '\(option)' needs a value."
        case .unexpectedValue(let option):
            return "Option '\(option)' does not take a value."
        case .unknownCommand(let command):
            return "Unknown command '\(command)'; the commands are login, logout, help and version."
        case .optionNotForCommand(let option, let command):
            guard let command else { return "Option '\(option)' needs a command before it, e.g. 'policy login \(option) …'." }
            return "Option '\(option)' does not apply to 'policy \(command.rawValue)'."
        case .unexpectedOperand(_, let command):
            // The extra argument is not quoted: it is often a password typed without -p.
            guard let command, command != .version else { return "'policy version' takes no arguments." }
            let operand = command == .help ? "a command name" : "the server"
            return "'policy \(command.rawValue)' takes at most one argument, \(operand); remove the extra one."
        }
    }
}

/// Usage problems found after parsing, while a command interprets its options.
enum CommandUsage {
    static func failure(_ sentence: String) -> CommandFailure {
        CommandFailure(message: sentence, exitCode: .usage)
    }

    static let noServer = failure("No registry given: provide --server HOST (or set one with 'policy login -d').")
    static let serverTwice = failure("The registry was given both as --server and as an argument; give it once.")
    static let passwordTwice = failure("--password and --password-stdin cannot be used together.")
    static let stdinNeedsUsername = failure("--password-stdin needs --username: stdin carries only the password.")
    static let emptyStdin = failure("--password-stdin read nothing: pipe the password or token into policy.")
    static let stdinTooLarge = failure("--password-stdin read more than 1 MiB; that is not a password.")

    static func stdinUnreadable(errno code: Int32) -> CommandFailure {
        failure("--password-stdin could not read standard input: \(String(cString: strerror(code))).")
    }
    static let emptyPassword = failure("The password is empty.")
    static let emptyUsername = failure("The username is empty.")
    static let colonInUsername = failure("The username cannot contain ':' (HTTP Basic authentication forbids it).")
    static let noUsernameNoTTY = failure("No username given: provide --username (no terminal to ask on).")
    static let noPasswordNoTTY = failure(
        "No password given and no terminal to ask on: pipe it with --password-stdin, e.g. 'echo \"$TOKEN\" | policy login -s HOST -u USER --password-stdin'.")

    static func invalidServer(_ error: RegistryAddressError) -> CommandFailure {
        failure("The server is not a registry address: \(error.reason).")
    }

    static func invalidHelperTimeout(variable: String, value: String) -> CommandFailure {
        failure("$\(variable) must be a whole number of seconds between 1 and 3600, not '\(value)'.")
    }

    static func invalidTimeout(_ value: String) -> CommandFailure {
        failure("--timeout must be a whole number of seconds between 1 and 3600, not '\(value)'.")
    }

    static func unreadableFile(option: String, path: String) -> CommandFailure {
        failure("Cannot read the file given to \(option): '\(path)'.")
    }

    static let keyWithoutCert = failure("--key-file needs --cert-file (and --cert-file alone needs the key inside it).")
    static let plaintextWithTLSOptions = failure("--plaintext cannot be combined with -k, --ca-file, --cert-file or --key-file.")
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
            return "it is not a host name (letters, digits, '.', '-', '_', or a bracketed IPv6 address, and an optional :PORT)"
        case .invalidPort(let port): return "the port '\(port)' is not a number between 1 and 65535"
        }
    }
}
