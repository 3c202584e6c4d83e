import Foundation
import PolicyBase
import Testing

@testable import PolicyCLI

/// The completion scripts and the man page are generated from the option table: every option of the table is
/// in each, where it applies, and an option added to the table appears in each without a line written for it.
struct CompletionScriptTests {
    static let generators: [(name: String, generate: @Sendable (CommandLineModel) -> String)] = [
        ("bash", { BashCompletion.script($0) }),
        ("zsh", { ZshCompletion.script($0) }),
        ("fish", { FishCompletion.script($0) }),
        ("man", { ManPage.text($0) })
    ]

    /// How each output spells an option, so a test can look for it.
    static func spelled(_ option: OptionSpec, in generator: String) -> String {
        switch generator {
        case "bash": "--" + option.long
        case "zsh": "--" + option.long + (option.value == nil ? "[" : "=[")
        case "fish": "-l '" + option.long + "'"
        default: #"\fB\-\-"# + option.long.replacing("-", with: #"\-"#) + #"\fR"#
        }
    }

    /// The bash words offered after `policy COMMAND -`, read back from the script's `_policy_options`.
    static func bashOptions(of command: String, in script: String) -> [String] {
        let prefix = "        \(command)) _policy_words=("
        guard let line = script.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return [] }
        return line.dropFirst(prefix.count).prefix { $0 != ")" }.split(separator: " ").map(String.init)
    }

    @Test(arguments: Option.allCases)
    func everyOptionIsInEveryScriptAndTheManPage(_ option: Option) {
        let spec = option.spec
        for (name, generate) in Self.generators {
            #expect(generate(.current).contains(Self.spelled(spec, in: name)), "\(name)")
        }
        let bash = BashCompletion.script()
        for command in CommandName.allCases {
            let offered = Self.bashOptions(of: command.rawValue, in: bash)
            #expect(offered.contains("--" + spec.long) == option.applies(to: command), "\(command)")
            if let short = spec.short {
                #expect(offered.contains("-\(short)") == option.applies(to: command), "\(command)")
            }
        }
        if spec.value != nil {
            #expect(bash.contains("        --\(spec.long)") && bash.contains(") _policy_kind="))
        }
        let fish = FishCompletion.script()
        let fishLine =
            fish.split(separator: "\n").first { $0.contains(Self.spelled(spec, in: "fish")) }.map(String.init) ?? ""
        // `-n '__policy_using_command login status'`: the commands the option is offered for; none for a global one.
        let fishCommands =
            fishLine.components(separatedBy: "__policy_using_command ").dropFirst().first?
            .prefix { $0 != "'" }.split(separator: " ").compactMap { CommandName(rawValue: String($0)) } ?? []
        #expect(
            Set(fishCommands) == Set(CommandName.allCases.filter { !option.isGlobal && option.applies(to: $0) }),
            "\(fishLine)")
    }

    struct Added: Sendable, CustomTestStringConvertible {
        var placeholder: String?
        /// What bash says the value is (nil: a flag).
        var kind: String?
        var zshAction: String
        var fishCompletes: String
        var testDescription: String { placeholder ?? "flag" }
    }

    static let added: [Added] = [
        Added(placeholder: nil, kind: nil, zshAction: "]'", fishCompletes: "-d 'Frobnicate"),
        Added(placeholder: "FILE", kind: "file", zshAction: ":FILE:_files'", fishCompletes: "-r -F"),
        Added(
            placeholder: "DIR", kind: "directory", zshAction: ":DIR:_files -/'",
            fishCompletes: "__fish_complete_directories"),
        Added(
            placeholder: "HOST[:PORT]", kind: "server", zshAction: ":HOST[\\:PORT]:_policy_servers'",
            fishCompletes: "(__policy_servers)"),
        Added(
            placeholder: "REPO[:ACTIONS]", kind: "access", zshAction: ":REPO[\\:ACTIONS]:_policy_access'",
            fishCompletes: "(__policy_access pull push pull,push)"),
        Added(placeholder: "COLOUR", kind: "text", zshAction: ":COLOUR: '", fishCompletes: "-x -d")
    ]

    /// An option added to the table — here to the model the generators read — is in every script and in the man
    /// page, for its command only, and completes its value by what the value is.
    @Test(arguments: added)
    func anAddedOptionChangesEveryScriptAndTheManPage(_ row: Added) {
        var model = CommandLineModel.current
        let login = model.commands.firstIndex { $0.name == "login" }!
        let spec = OptionSpec(
            long: "frobnicate", value: row.placeholder.map { OptionValue($0, "a value") },
            help: "Frobnicate the registry", commands: [.login])
        model.commands[login].options.append(spec)
        for (name, generate) in Self.generators {
            let before = generate(.current)
            let after = generate(model)
            #expect(before != after, "\(name)")
            #expect(!before.contains("frobnicate") && after.contains(Self.spelled(spec, in: name)), "\(name)")
        }
        let bash = BashCompletion.script(model)
        #expect(Self.bashOptions(of: "login", in: bash).contains("--frobnicate"))
        #expect(!Self.bashOptions(of: "logout", in: bash).contains("--frobnicate"))
        #expect(bash.contains("--frobnicate) _policy_kind=") == (row.kind != nil))
        if let kind = row.kind { #expect(bash.contains("--frobnicate) _policy_kind=\(kind)")) }
        let zsh = ZshCompletion.script(model)
        let zshSpec = zsh.split(separator: "\n").first { $0.contains("--frobnicate") }.map(String.init) ?? ""
        #expect(zshSpec.contains(row.zshAction), "\(zshSpec)")
        #expect(
            zsh.split(separator: "\n").filter { $0.contains("--frobnicate") }.count == 1, "only in login's _arguments")
        let fish = FishCompletion.script(model)
        let fishLine = fish.split(separator: "\n").first { $0.contains("-l 'frobnicate'") }.map(String.init) ?? ""
        #expect(
            fishLine.contains("__policy_using_command login'") && fishLine.contains(row.fishCompletes), "\(fishLine)")
        #expect(ManPage.text(model).contains(#"Frobnicate the registry."#))
    }

    @Test func theGlobalOptionsAreOfferedEverywhere() {
        let bash = BashCompletion.script()
        for command in CommandName.allCases.map(\.rawValue) + ["*"] {
            for option in Option.allCases where option.isGlobal {
                #expect(Self.bashOptions(of: command, in: bash).contains("--" + option.spec.long), "\(command)")
            }
        }
    }

    @Test(arguments: [
        (["pull", "push"], ["pull", "push", "pull,push"]),
        (["a", "b", "c"], ["a", "b", "c", "a,b", "a,c", "b,c", "a,b,c"]),
        (["only"], ["only"])
    ])
    func actionListsAreEverySelectionInOrder(_ actions: [String], _ expected: [String]) {
        #expect(ValueCompletion.actionLists(actions) == expected)
    }

    @Test(arguments: [
        ("ghcr.io", true), ("127.0.0.1:5000", true), ("[::1]:5000", true), ("quay.io/org", true),
        ("https://index.docker.io/v1/", true), ("", false), ("$(reboot)", false), ("`id`", false),
        ("a b", false), ("a\nb", false), ("x;y", false), ("é.example", false), ("'q'", false)
    ])
    func onlyPlainServerNamesReachAScript(_ name: String, _ plain: Bool) {
        #expect(StoredServersCommand.isPlain(name) == plain)
    }

    @Test(arguments: [
        (".TH in text", #"\&.TH in text"#), ("'quote", #"\&'quote"#), (#"a\b"#, #"a\eb"#),
        ("--password-stdin", #"\-\-password\-stdin"#), ("re-checks (-s)", #"re-checks (\-s)"#),
        ("prefer --password-stdin.", #"prefer \-\-password\-stdin."#), ("a --b=c-d e-f", #"a \-\-b=c\-d e-f"#),
        ("policy — log", #"policy \[u2014] log"#), ("x . y", "x . y")
    ])
    func roffEscapesWhatGroffWouldRead(_ text: String, _ expected: String) {
        #expect(ManPage.roff(text) == expected)
    }

    /// The man page's examples are the README's.
    @Test func manPageExamplesAreInTheReadme() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for example in ManPage.examples {
            for line in example.lines { #expect(readme.contains(line), "\(line)") }
        }
    }

    /// Every environment variable the sources name (a string literal in capitals with an underscore, or one
    /// the man page lists by hand) is in the man page's ENVIRONMENT section.
    @Test func everyEnvironmentVariableOfTheSourcesIsInTheManPage() throws {
        let page = ManPage.text()
        let section = page.components(separatedBy: ".SH ENVIRONMENT").last?.components(separatedBy: ".SH ").first ?? ""
        let sources = Self.root.appendingPathComponent("Sources")
        var names: Set<String> = []
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: #/"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"/#) { names.insert(String(match.1)) }
        }
        #expect(names.contains("POLICY_CONFIG_DIR") && names.contains("POLICY_HELPER_TIMEOUT"))
        for name in names.sorted() {
            #expect(
                section.contains(name.replacing("-", with: #"\-"#)), "\(name) is read by policy but not in the man page"
            )
        }
    }

    @Test func anUnknownOrMissingShellNamesTheChoices() {
        #expect(
            UnknownShell(typed: nil).sentence
                == "Name a shell: 'policy completion bash', 'policy completion zsh' or 'policy completion fish'.")
        #expect(UnknownShell(typed: OutsideText("tcsh\u{1b}[2J", .word)).sentence.contains("'tcsh"))
        #expect(!UnknownShell(typed: OutsideText("tcsh\u{1b}[2J", .word)).sentence.contains("\u{1b}"))
        #expect(UnknownShell(typed: nil).exitCode == .usage)
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
