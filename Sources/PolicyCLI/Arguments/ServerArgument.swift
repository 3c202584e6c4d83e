import CredentialStore
import PolicyBase
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
        if let input {
            do {
                return try RegistryAddress(parsing: input)
            } catch {
                throw InputError.invalidServer(error)
            }
        }
        let defaultDomain = try context.defaultDomain()
        guard let remembered = try defaultDomain.read() else { throw InputError.noServer }
        do {
            return try RegistryAddress(storedKey: remembered)
        } catch {
            // Named, so that the user knows which file to fix: the server was never typed.
            let fromFile = (try? defaultDomain.file.read()) != nil
            throw InputError.invalidDefaultDomain(
                file: OutsideText(fromFile ? defaultDomain.file.path : defaultDomain.config.path), error)
        }
    }
}
