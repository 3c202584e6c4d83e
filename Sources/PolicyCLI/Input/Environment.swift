import Platform

/// What `policy` reads from its surroundings besides arguments and stdin's bytes: environment variables
/// and whether stdin is a terminal. Injected, so commands can be run in-process by tests.
struct Environment: Sendable {
    var variables: [String: String]
    var standardInputIsTerminal: Bool
    /// The current time in Unix seconds (expiry is judged against it).
    var now: Int

    init(variables: [String: String], standardInputIsTerminal: Bool, now: Int = WallClock.secondsSinceEpoch()) {
        self.variables = variables
        self.standardInputIsTerminal = standardInputIsTerminal
        self.now = now
    }

    /// The process's own environment.
    static func current() -> Environment {
        Environment(
            variables: CurrentProcess.environmentVariables(),
            standardInputIsTerminal: FileDescriptor.standardInput.isTerminal)
    }

    subscript(_ name: String) -> String? { variables[name] }
}
