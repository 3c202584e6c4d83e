import RegistryAuth

/// The registry a command acts on: `-s`/`--server` or the operand, else the default domain `login -d`
/// remembered. Shared by `login` and `logout`, so both normalise a server the same way.
enum ServerArgument {
    /// The server text given on the command line, from `-s` or the operand (the two must agree).
    static func input(_ parsed: ParsedArguments) throws(InputError) -> String? {
        let positional = parsed.operands.first
        if let server = parsed.value(.server), let positional, server != positional { throw InputError.serverTwice }
        return parsed.value(.server) ?? positional
    }

    /// The normalised address of `input`, or of the remembered default domain when `input` is nil.
    /// - Throws: a usage failure when there is neither, or when the text is not a registry address.
    static func resolve(_ input: String?, context: CommandContext) throws -> RegistryAddress {
        let text: String
        if let input {
            text = input
        } else {
            guard let remembered = try context.defaultDomain().read() else { throw InputError.noServer }
            text = remembered
        }
        do {
            return try RegistryAddress(parsing: text)
        } catch {
            throw InputError.invalidServer(error)
        }
    }
}
