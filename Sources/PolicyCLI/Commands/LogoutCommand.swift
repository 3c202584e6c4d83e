import CredentialStore
import PolicyBase
import RegistryAuth

/// `policy logout [-s server]`: erase the server's credentials from the store that holds them (a credential
/// helper and/or config.json) and say so. Not being logged in is not an error.
struct LogoutCommand: Command {
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
            DebugTrace(output: context.output).line(
                "store: logout of \(server.key) removed \(removed ? "stored credentials" : "nothing")")
        }
        context.output.out(
            removed ? LogoutNotes.removing(OutsideText(server.description, .name)) : LogoutNotes.notLoggedIn(server))
    }

    /// `--all`: removes exactly the logins this config records (`CredentialStorage.removeRecorded`), never one only
    /// a shared helper lists; names each registry removed, warns of each login that stayed and why, and then fails
    /// (exit 5) if any did.
    private func logOutEverywhere() throws {
        let storage = try StorageSettings.storage(context)
        let removals = try storage.removeRecorded(companions: { key in
            (try? RegistryAddress(storedKey: key))?.storage.companions ?? []
        })
        var removedNames: [String] = []
        var stayed: [String] = []
        for removal in removals {
            let name = (try? RegistryAddress(parsing: removal.key))?.key ?? removal.key
            switch removal.outcome {
            case .success(true):
                if !removedNames.contains(name) { removedNames.append(name) }
            case .success(false):
                break
            case .failure(let error):
                context.output.warning(LogoutNotes.stayed(removal.key, because: error.sentence))
                stayed.append(removal.key)
            }
        }
        for name in removedNames.sorted() {
            context.output.out(LogoutNotes.removing(OutsideText(name, .name)))
        }
        if removedNames.isEmpty && stayed.isEmpty { context.output.out(LogoutNotes.nothingStored) }
        if !stayed.isEmpty { throw LogoutIncomplete(keys: stayed) }
    }
}
