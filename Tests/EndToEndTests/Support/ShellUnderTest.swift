import Foundation

/// A shell whose completion `policy completion` writes, driven through its own completion machinery: bash with
/// bash-completion loaded and without it, zsh (compinit, under zsh/zpty) and fish (`complete -C`).
enum ShellUnderTest: String, CaseIterable, CustomStringConvertible, Sendable {
    case bash
    case bashWithoutBashCompletion = "bash without bash-completion"
    case zsh
    case fish

    var description: String { rawValue }

    /// Debian's bash-completion, which the `bash` row loads.
    static let bashCompletion = "/usr/share/bash-completion/bash_completion"

    /// The name `policy completion` takes.
    var scriptName: String {
        switch self {
        case .bash, .bashWithoutBashCompletion: "bash"
        case .zsh: "zsh"
        case .fish: "fish"
        }
    }

    /// True when the shell is installed, or CI demands that its tests run (and fail without it).
    static func available(_ shell: ShellUnderTest) -> Bool {
        switch shell {
        case .bash: Tools.available("bash") && (Tools.isCI || FileManager.default.fileExists(atPath: bashCompletion))
        case .bashWithoutBashCompletion: Tools.available("bash")
        case .zsh: Tools.available("zsh")
        case .fish: Tools.available("fish")
        }
    }
}
