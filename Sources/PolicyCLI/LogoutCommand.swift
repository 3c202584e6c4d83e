import CredentialStore
import RegistryAuth

/// `policy logout [-s server]`: erase the server's credentials from the store that holds them (a credential
/// helper and/or config.json) and say so. Not being logged in is not an error.
struct LogoutCommand {
    let serverInput: String?
    let context: CommandContext

    init(_ parsed: ParsedArguments, context: CommandContext) throws(InputError) {
        serverInput = try ServerArgument.input(parsed)
        self.context = context
    }

    func run() throws {
        let server = try ServerArgument.resolve(serverInput, context: context)
        let storage = try StorageSettings.storage(context)
        let removed = try storage.remove(server.storage)
        if context.debug {
            DebugTrace(output: context.output).line("store: logout of \(server.key) removed \(removed ? "stored credentials" : "nothing")")
        }
        context.output.out(removed ? LogoutNotes.removing(server) : LogoutNotes.notLoggedIn(server))
    }
}
