/// Commands for the completion scripts and `make install`, left out of help and of completion:
/// `__servers [-c DIR]` lists the stored servers, `__man` prints the man page.
enum HiddenCommand: String {
    case storedServers = "__servers"
    case manualPage = "__man"

    /// Runs the command with the arguments after its name. Neither fails: `__servers` prints what it could read.
    func run(_ arguments: [String], environment: Environment, output: Output) -> ExitCode {
        switch self {
        case .manualPage:
            output.raw(ManPage.text())
        case .storedServers:
            // Only the global options (-c) fit; anything else is ignored, as a completion script cannot report it.
            let option = (try? ArgumentParser.parse(arguments))?.value(.config)
            StoredServersCommand(
                configDirectory: ConfigLocation.directory(option: option, environment: environment.variables),
                environment: environment, output: output
            ).run()
        }
        return .success
    }
}
