import RegistryAuth

/// Where the password comes from.
enum PasswordSource: Equatable {
    /// `-p`: the value's bytes as the system passed them.
    case argument([UInt8])
    case standardInput
    case prompt
}

/// `policy login`'s options, checked and interpreted; every usage error is found here, before any I/O.
struct LoginOptions {
    var serverInput: String?
    /// `-u`, without the blanks around it (docker trims them too).
    var username: String?
    /// True when `-u` had blanks around it, which were removed (a warning says so).
    var usernameWasTrimmed = false
    var passwordSource: PasswordSource
    var rememberAsDefault: Bool
    var network: NetworkOptions
    /// `--check-access` requests, in the order given.
    var access: [AccessRequest]

    init(_ parsed: ParsedArguments) throws {
        serverInput = try ServerArgument.input(parsed)
        username = parsed.value(.username).map(Self.trimmed)
        usernameWasTrimmed = username != parsed.value(.username)
        if let username {
            if username.isEmpty { throw InputError.emptyUsername }
            if username.contains(":") { throw InputError.colonInUsername }
        }
        switch (parsed.value(.password), parsed.has(.passwordStdin)) {
        case (.some, true): throw InputError.passwordTwice
        case (.some(let password), false):
            if password.isEmpty { throw InputError.emptyPassword }
            passwordSource = .argument(parsed.bytes(.password) ?? Array(password.utf8))
        case (nil, true):
            if username == nil { throw InputError.stdinNeedsUsername }
            passwordSource = .standardInput
        case (nil, false): passwordSource = .prompt
        }
        rememberAsDefault = parsed.has(.defaultDomain)
        network = try NetworkOptions(parsed)
        access = try parsed.all(.checkAccess).map(AccessArgument.parse)
    }

    /// A user name as docker takes it: without leading and trailing white space (Go's strings.TrimSpace).
    static func trimmed(_ username: String) -> String {
        guard let first = username.firstIndex(where: { !$0.isWhitespace }),
            let last = username.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(username[first...last])
    }
}
