import Testing

/// How a test's login reaches its fixture: plain HTTP (`BasicRegistries`), or TLS trusting the fixture's CA
/// (`RegistryFixture`).
enum Reach {
    case plaintext
    case caFile(String)

    var arguments: [String] {
        switch self {
        case .plaintext: ["--plaintext"]
        case .caFile(let path): ["--ca-file", path]
        }
    }
}

/// The login a test sets up before what it is about: `policy login -s SERVER -u USER --password-stdin` with the
/// password piped and the config in `home`. A failed setup is recorded where the test called it.
/// - Parameters:
///   - arguments: added after the login's own (`-d`, `--check-access …`).
///   - environment: added to the run's environment (a scripted helper's PATH).
@discardableResult
func logIn(
    _ server: String, user: String, password: String, home: TemporaryDirectory, reach: Reach = .plaintext,
    arguments: [String] = [], environment: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> ProcessResult {
    let result = try PolicyBinary.run(
        ["login", "-s", server, "-u", user, "--password-stdin"] + reach.arguments + ["-c", home.path] + arguments,
        stdin: password, environment: environment)
    #expect(
        result.exitCode == 0, "the login to \(server) a test sets up failed: \(result.stderr)",
        sourceLocation: sourceLocation)
    return result
}
