import Testing

@testable import PolicyCLI

/// `main` hands `Policy` the arguments' bytes, or nil when neither the Swift runtime nor the initial stack gave
/// them: nil must end in one sentence, never in a run with no arguments (which would print the general help).
struct SystemArgumentsTests {
    @Test func unreadableArgumentsAreOneSentenceAndExitOne() {
        let captured = CapturedOutput()
        let code = Policy.run(
            systemArguments: nil, environment: Environment(variables: [:], standardInputIsTerminal: false),
            output: captured)
        #expect(code == .unexpected)
        #expect(captured.standardOutput.isEmpty)
        #expect(
            captured.standardError
                == "Error: Cannot read the command-line arguments: /proc is not mounted here, and the Swift runtime finds them through it; mount it (mount -t proc proc /proc) and run policy again.\n"
        )
    }

    @Test func argumentBytesThatAreNotUTF8ReachTheParser() {
        let captured = CapturedOutput()
        let code = Policy.run(
            systemArguments: [Array("frobnicate".utf8) + [0xFF]],
            environment: Environment(variables: [:], standardInputIsTerminal: false), output: captured)
        #expect(code == .usage)
        #expect(captured.standardError.contains("Unknown command 'frobnicate"), "\(captured.standardError)")
    }
}
