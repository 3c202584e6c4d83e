/// The shells `policy completion` writes a script for.
enum CompletionShell: String, CaseIterable {
    case bash, zsh, fish

    /// The completion script, generated from `model`.
    func script(_ model: CommandLineModel = .current) -> String {
        switch self {
        case .bash: BashCompletion.script(model)
        case .zsh: ZshCompletion.script(model)
        case .fish: FishCompletion.script(model)
        }
    }

    /// How to install the script by hand, for help and the man page.
    var installation: [String] {
        switch self {
        case .bash: BashCompletion.installation
        case .zsh: ZshCompletion.installation
        case .fish: FishCompletion.installation
        }
    }
}
