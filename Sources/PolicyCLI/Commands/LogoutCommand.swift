import PolicyBase
import CredentialStore
import RegistryAuth

/// `policy logout [-s server]`: erase the server's credentials from the store that holds them (a credential
/// helper and/or config.json) and say so. Not being logged in is not an error.
struct LogoutCommand {
    let serverInput: String?
    /// `--all`: every stored login.
    let all: Bool
    let context: CommandContext

    init(_ parsed: ParsedArguments, context: CommandContext) throws(InputError) {
        serverInput = try ServerArgument.input(parsed)
        all = parsed.has(.all)
        if all && serverInput != nil { throw .allWithServer }
        self.context = context
    }

    func run() throws {
        if all { return try logOutEverywhere() }
        let server = try ServerArgument.resolve(serverInput, context: context)
        let storage = try StorageSettings.storage(context)
        let removed = try storage.remove(server.storage)
        if context.debug {
            DebugTrace(output: context.output).line("store: logout of \(server.key) removed \(removed ? "stored credentials" : "nothing")")
        }
        context.output.out(removed ? LogoutNotes.removing(OutsideText(server.description, .name)) : LogoutNotes.notLoggedIn(server))
    }

    /// `--all`: removes every stored login, from config.json and from each helper that holds one, keeping every
    /// other key; names each registry removed.
    private func logOutEverywhere() throws {
        let storage = try StorageSettings.storage(context)
        let registries = StoredRegistry.group(try storage.allLogins())
        guard !registries.isEmpty else { return context.output.out(LogoutNotes.nothingStored) }
        for registry in registries {
            // Each entry from the store it was found in (a helper may list servers config.json routes elsewhere),
            // then whatever else the registry's keys and aliases hold.
            var removed = false
            for login in registry.logins where try storage.remove(login) { removed = true }
            if try storage.remove(registry.storage) { removed = true }
            if removed { context.output.out(LogoutNotes.removing(OutsideText(registry.name, .name))) }
        }
    }
}
