import Platform
import Testing

@testable import CredentialStore
@testable import PolicyBase
@testable import PolicyCLI
@testable import RegistryAuth

/// Every error policy can end with, rendered the way `Policy.run` renders it: one line on stderr, the server
/// named where there is one, the documented exit code, and no secret — even when a server or helper quoted
/// the secret back (its text is redacted where it is made, as `RegistryLogin` and `CredentialHelper` make it).
struct ErrorWordingTests {
    static let secret = "s3cret-Pa55word"
    /// Outside text that quotes the secret, made the way its source makes it: redacted.
    static func quoting(_ text: String) -> OutsideText { OutsideText(text, redacting: Redaction([secret])) }
    static let server = try! RegistryAddress(parsing: "registry.example:5000")
    static let host = "registry.example:5000"

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var error: any ReportableError & Sendable
        var exitCode: ExitCode
        /// Text the sentence must contain (the server, the option, the file), when there is one.
        var names: String?
        var testDescription: String { name }
    }

    static let transportErrors: [TransportError] = [
        .hostNotFound, .connectionRefused, .timedOut(seconds: 1), .untrustedCertificate(detail: "self-signed"),
        .hostnameMismatch(detail: "other.example"), .tlsHandshakeFailed(detail: "wrong version"),
        .clientCertificateProblem(detail: "bad key"), .clientCertificateRequired(detail: "alert"),
        .connectionDropped(detail: "reset"), .caFileProblem(detail: "bad pem"), .responseTooLarge(limit: 1 << 20),
        .emptyReply, .unsafeHeaderValue(field: "Authorization"), .unsupported(detail: "h3"),
        .other(code: 99, detail: quoting("odd \(secret)"))
    ]

    static let loginErrors: [LoginError] =
        [
            .credentialsRejected(host: host, status: 401, serverMessage: quoting("invalid password \(secret)")),
            .credentialsRejected(host: host, status: 403, serverMessage: nil),
            // Text a server chose, with terminal and bidirectional controls: cleaned when it was made.
            .credentialsRejected(
                host: host, status: 401, serverMessage: OutsideText("bad\u{202E}txt.exe\u{1B}[2J\u{9B}31m\u{2066}")),
            .redirectedElsewhere(host: host, target: OutsideText("evil\u{202D}.example\u{85}")),
            .unexpectedStatus(host: host, status: 500, serverMessage: "boom"),
            .unexpectedStatus(host: host, status: 429, serverMessage: nil),
            .unexpectedStatus(host: host, status: 404, serverMessage: nil),
            .unexpectedStatus(host: host, status: 302, serverMessage: nil),
            .unexpectedStatus(host: host, status: 418, serverMessage: "teapot"),
            .missingChallenge(host: host),
            .malformedChallenge(host: host, ChallengeParseError(reason: .unterminatedQuotedString, offset: 7)),
            .unsupportedChallenge(host: host, schemes: ["negotiate"]),
            .bearerWithoutRealm(host: host),
            .unexpectedStatus(
                host: host, status: 400, serverMessage: "Client sent an HTTP request to an HTTPS server."),
            .unexpectedStatus(host: host, status: 431, serverMessage: nil),
            .unexpectedStatus(host: host, status: 400, serverMessage: "Request Header Or Cookie Too Large"),
            .invalidRealm(realm: OutsideText("ftp://\(host)/token")),
            .insecureRealm(realm: OutsideText("http://\(host)/token")),
            .invalidTokenReply(host: host, .notJSON),
            .invalidTokenReply(host: host, .missingToken),
            .redirectedElsewhere(host: host, target: "elsewhere.example"),
            .identityTokenWithoutTokenService(host: host)
        ] + transportErrors.map { .transport(host: host, $0) }

    static let storeErrors: [StoreError] = [
        .fileSystem(operation: "write", path: "/cfg/config.json", errno: 13),
        .lockTimedOut(path: "/cfg/config.json.lock", seconds: 120),
        .notJSONObject(path: "/cfg/config.json", JSONParseError(reason: .unexpectedEnd, offset: 3, line: 1, column: 4)),
        .notJSONObject(path: "/cfg/config.json", nil),
        .notRegularFile(path: "/cfg/config.json", target: "/dev/null"),
        .notRegularFile(path: "/cfg/config.json", target: nil),
        .conflictingStores(credsStore: "pass", credStore: "secretservice"),
        .invalidEntry(path: "/cfg/config.json", key: "auths", expected: .object),
        .invalidHelperName(name: "../sh", configKey: "credsStore"),
        .helperNotFound(executable: "docker-credential-pass", configKey: "credsStore"),
        .secretNotText(executable: "docker-credential-pass", configKey: "credsStore"),
        // A credHelpers key is config text another tool may have written: cleaned like any outside text.
        .helperNotFound(
            executable: "docker-credential-ecr-login",
            configKey: OutsideText("credHelpers[\"x\u{2067}\u{1B}]0;owned\u{7}\"]", .name)),
        .helper(
            executable: "docker-credential-pass", verb: .store,
            .failed(message: quoting("locked \(secret)"), status: .exited(1))),
        .helper(executable: "docker-credential-pass", verb: .get, .failed(message: "", status: .signaled(9))),
        .helper(executable: "docker-credential-pass", verb: .erase, .timedOut(seconds: 1)),
        .helper(executable: "docker-credential-pass", verb: .store, .outputTooLarge(limit: 1 << 20)),
        .helper(executable: "docker-credential-pass", verb: .get, .invalidReply),
        .helper(executable: "docker-credential-pass", verb: .store, .couldNotRun(reason: "exec format error"))
    ]

    static let inputErrors: [InputError] = [
        .noServer, .serverTwice, .passwordTwice, .stdinNeedsUsername, .emptyStdin, .stdinTooLarge,
        .stdinUnreadable(errno: 5),
        .emptyPassword, .emptyUsername, .colonInUsername, .noUsernameNoTTY, .noPasswordNoTTY,
        .invalidServer(.empty), .invalidServer(.unsupportedScheme("ftp")), .invalidServer(.hasPath("/x")),
        .invalidServer(.invalidHost(secret)), .invalidServer(.invalidPort("99999")),
        .invalidDefaultDomain(file: "/cfg/default-domain.cfg", .hasPath("/evil path")),
        .notCertificates(option: "--ca-file", path: "/etc/passwd"),
        .invalidSecondsVariable(variable: "POLICY_HELPER_TIMEOUT", value: "0"), .invalidTimeout("-1"),
        .unreadableFile(option: "--ca-file", path: "/no/ca.pem"), .keyWithoutCert, .plaintextWithTLSOptions
    ]

    static let rows: [Row] =
        loginErrors.map {
            Row(
                name: "login: \($0)", error: LoginFailure(error: $0, server: server, username: "me"),
                exitCode: expectedExitCode($0), names: $0.namesHost ? "registry.example" : nil)
        }
        + loginErrors.prefix(1).map {
            Row(
                name: "stored: \($0)", error: LoginFailure(error: $0, server: server, username: "me", stored: true),
                exitCode: .credentialsRejected, names: "policy login -s registry.example:5000 -u USER")
        }
        + storeErrors.map { Row(name: "store: \($0)", error: $0, exitCode: .storage, names: $0.named) }
        + inputErrors.map { Row(name: "input: \($0)", error: $0, exitCode: .usage, names: nil) }
        + [
            Row(
                name: "usage: unknown option",
                error: UsageError.unknownOption("--pasword", command: .login, nearest: .password),
                exitCode: .usage, names: "--pasword"),
            Row(name: "no config directory", error: NoConfigDirectory(), exitCode: .storage, names: "--config"),
            Row(name: "no command", error: NoCommand(), exitCode: .usage, names: nil),
            Row(
                name: "internal", error: InternalError(detail: "curl_easy_init failed"), exitCode: .unexpected,
                names: "curl")
        ]
        + sentences.map { Row(name: $0.name, error: $0.error, exitCode: $0.exitCode, names: $0.contains.first) }

    /// Exhaustive on purpose: a new `LoginError` case does not compile until its exit code is decided here.
    static func expectedExitCode(_ error: LoginError) -> ExitCode {
        switch error {
        case .credentialsRejected, .identityTokenWithoutTokenService: .credentialsRejected
        case .transport(_, .requestTooLarge): .usage
        case .transport(_, .unsafeHeaderValue): .credentialsRejected
        case .transport, .unexpectedStatus, .missingChallenge, .malformedChallenge, .unsupportedChallenge,
            .invalidRealm,
            .insecureRealm, .invalidTokenReply, .redirectedElsewhere, .bearerWithoutRealm:
            .network
        }
    }

    @Test(arguments: rows)
    func rendersOneLineWithTheDocumentedExitCode(_ row: Row) {
        let captured = CapturedOutput()
        let output = Output(sink: captured)
        let code = Policy.report(row.error, to: output)
        #expect(code == row.exitCode)
        let lines = captured.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "not one line: \(captured.standardError)")
        #expect(captured.standardError.hasPrefix("Error: "))
        #expect(captured.standardOutput.isEmpty)
        #expect(!captured.standardError.contains(Self.secret))
        #expect(
            !captured.standardError.dropLast().unicodeScalars.contains { Self.isControl($0) },
            "a control: \(captured.standardError.debugDescription)")
        if let names = row.names { #expect(captured.standardError.contains(names), "\(captured.standardError)") }
        let last = captured.standardError.dropLast().last
        #expect(last == "." || last == "?", "no sentence end: \(captured.standardError)")
    }

    /// C0 and C1 controls and the bidirectional controls: none may reach a terminal from a sentence.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    // MARK: --check-access, expiry, status --verify

    static let ghcr = try! RegistryAddress(parsing: "ghcr.io")
    static let hub = try! RegistryAddress(parsing: "docker.io")
    static let ecr = try! RegistryAddress(parsing: "123456789012.dkr.ecr.eu-west-1.amazonaws.com")
    /// 2026-11-24 12:03 UTC, and 11 h 58 min later.
    static let expiry = 1_795_521_780
    static let later = expiry + 11 * 3600 + 58 * 60

    static func access(
        _ repository: String = "org/policy", asked: [RepositoryAction] = [.pull, .push], granted: [RepositoryAction],
        notFound: Bool = false
    ) -> AccessReport {
        AccessReport(
            request: AccessRequest(repository: repository, actions: asked), granted: granted,
            repositoryNotFound: notFound)
    }

    static func failure(_ error: LoginError) -> LoginFailure {
        LoginFailure(error: error, server: server, username: "me")
    }

    static func denied(_ server: RegistryAddress, _ reports: AccessReport...) -> AccessDenied {
        AccessDenied(server: server, username: "me", reports: reports)
    }

    static func status(_ states: [(String, StatusRow.State?)]) -> StatusProblem? {
        StatusProblem(
            states.map { key, state in
                let login = StoredLogin(
                    key: key, credentials: Credentials(username: "me", secret: secret), choice: .file)
                var row = StatusRow(
                    StoredRegistry(name: key, address: try? RegistryAddress(parsing: key), logins: [login]),
                    isDefault: false)
                row.state = state
                return row
            })
    }

    struct SentenceRow: Sendable, CustomTestStringConvertible {
        var name: String
        var error: any ReportableError & Sendable
        var exitCode: ExitCode
        /// Every one of these is in the sentence; the first also joins `rows`.
        var contains: [String]
        var lacks: [String] = []
        var testDescription: String { name }
    }

    static let sentences: [SentenceRow] = [
        SentenceRow(
            name: "access: push denied", error: denied(server, access(granted: [.pull])), exitCode: .accessDenied,
            contains: ["push on org/policy (granted: pull)", "registry.example:5000", "'me'", "nothing was stored"],
            lacks: ["GitHub", "Docker Hub", "ECR", "not found"]),
        SentenceRow(
            name: "access: nothing granted", error: denied(server, access(granted: [])), exitCode: .accessDenied,
            contains: ["pull and push on org/policy (granted: nothing)"]),
        SentenceRow(
            name: "access: only the lacking repository is named",
            error: denied(
                server, access("org/a", granted: [.pull, .push]), access("org/b", asked: [.pull], granted: [])),
            exitCode: .accessDenied, contains: ["pull on org/b (granted: nothing)"], lacks: ["org/a"]),
        SentenceRow(
            name: "access: two repositories lacking",
            error: denied(server, access("org/a", granted: [.pull]), access("org/b", asked: [.pull], granted: [])),
            exitCode: .accessDenied, contains: ["push on org/a (granted: pull); pull on org/b (granted: nothing)"]),
        SentenceRow(
            name: "access: repository not found",
            error: denied(server, access(asked: [.pull], granted: [], notFound: true)),
            exitCode: .accessDenied,
            contains: ["pull on org/policy", "the repository was not found or is not visible to them"]),
        SentenceRow(
            name: "access: GHCR push", error: denied(ghcr, access(granted: [.pull])), exitCode: .accessDenied,
            contains: ["write:packages", "ghcr.io", "push on org/policy"], lacks: ["read:packages"]),
        SentenceRow(
            name: "access: GHCR pull", error: denied(ghcr, access(asked: [.pull], granted: [])),
            exitCode: .accessDenied,
            contains: ["read:packages", "pull on org/policy"], lacks: ["write:packages"]),
        SentenceRow(
            name: "access: Docker Hub push", error: denied(hub, access(granted: [.pull])), exitCode: .accessDenied,
            contains: ["read-only access token", "docker.io", "Read & Write"]),
        SentenceRow(
            name: "access: Docker Hub pull", error: denied(hub, access(asked: [.pull], granted: [], notFound: true)),
            exitCode: .accessDenied, contains: ["Docker Hub: check that the repository exists"], lacks: ["read-only"]),
        SentenceRow(
            name: "access: ECR push", error: denied(ecr, access(granted: [.pull])), exitCode: .accessDenied,
            contains: ["IAM policy", "ecr:InitiateLayerUpload", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"]),
        SentenceRow(
            name: "access: ECR pull", error: denied(ecr, access(asked: [.pull], granted: [])), exitCode: .accessDenied,
            contains: ["IAM policy", "ecr:BatchGetImage"], lacks: ["ecr:PutImage"]),
        SentenceRow(
            name: "expired: ECR password",
            error: ExpiredCredentials(server: ecr, expires: expiry, now: later, source: .ecrToken, stored: false),
            exitCode: .credentialsRejected,
            contains: [
                "aws ecr get-login-password --region <region> | policy login -s 123456789012.dkr.ecr.eu-west-1.amazonaws.com -u AWS --password-stdin",
                "The password for 123456789012.dkr.ecr.eu-west-1.amazonaws.com expired 2026-11-24 12:03 UTC (11 h 58 min ago)"
            ]),
        SentenceRow(
            name: "expired: JWT",
            error: ExpiredCredentials(server: server, expires: expiry, now: expiry, source: .jwt, stored: false),
            exitCode: .credentialsRejected,
            contains: [
                "expired 2026-11-24 12:03 UTC (less than a minute ago)", "get a new token",
                "policy login -s registry.example:5000 -u USER --password-stdin"
            ],
            lacks: ["aws ecr"]),
        SentenceRow(
            name: "expired: stored ECR password",
            error: ExpiredCredentials(
                server: ecr, expires: expiry, now: expiry + 3 * 86_400 + 3600, source: .ecrToken, stored: true),
            exitCode: .credentialsRejected, contains: ["The stored password for 123456789012.dkr.ecr", "(3 d 1 h ago)"]),
        // Issue 19: each sentence names the real cause, with its hint.
        SentenceRow(
            name: "cause: --plaintext against TLS",
            error: failure(
                .unexpectedStatus(
                    host: host, status: 400, serverMessage: "Client sent an HTTP request to an HTTPS server.")),
            exitCode: .network, contains: ["speaks HTTPS, not plain HTTP", "drop --plaintext", "HTTPS server)"],
            lacks: [".,", "does not expect"]),
        SentenceRow(
            name: "cause: a full stop inside a sentence is dropped",
            error: failure(.unexpectedStatus(host: host, status: 418, serverMessage: "I am a teapot.")),
            exitCode: .network,
            contains: ["HTTP 418: I am a teapot, which"], lacks: [".,"]),
        SentenceRow(
            name: "cause: request headers too large (431)",
            error: failure(.unexpectedStatus(host: host, status: 431, serverMessage: nil)),
            exitCode: .network, contains: ["too long", "HTTP 431"]),
        SentenceRow(
            name: "cause: request headers too large (nginx 400)",
            error: failure(
                .unexpectedStatus(host: host, status: 400, serverMessage: "Request Header Or Cookie Too Large")),
            exitCode: .network, contains: ["too long", "HTTP 400"]),
        SentenceRow(
            name: "cause: Bearer without a realm", error: failure(.bearerWithoutRealm(host: host)), exitCode: .network,
            contains: ["without naming the token service", "no realm"], lacks: ["does not speak"]),
        SentenceRow(
            name: "cause: credentials too long to send",
            error: failure(.transport(host: host, .requestTooLarge(bytes: 1_398_108, limit: (1 << 20) - 4096))),
            exitCode: .usage,
            contains: ["too long to send to registry.example:5000", "1365 KiB", "at most 1020 KiB"], lacks: ["memory"]),
        SentenceRow(
            name: "cause: response too long",
            error: failure(.transport(host: host, .responseTooLarge(limit: 64 << 10))),
            exitCode: .network, contains: ["too long", "more than 64 KiB"], lacks: ["memory"]),
        SentenceRow(
            name: "cause: garbled default-domain.cfg",
            error: InputError.invalidDefaultDomain(file: "/cfg/default-domain.cfg", .hasPath("/evil path")),
            exitCode: .usage,
            contains: ["'/cfg/default-domain.cfg'", "'/evil path'", "--server"]),
        SentenceRow(
            name: "cause: --ca-file without certificates",
            error: InputError.notCertificates(option: "--ca-file", path: "/etc/passwd"),
            exitCode: .usage, contains: ["--ca-file", "no PEM certificate", "'/etc/passwd'"]),
        SentenceRow(
            name: "cause: config lock held",
            error: StoreError.lockTimedOut(path: "/cfg/config.json.lock", seconds: 120),
            exitCode: .storage,
            contains: ["Gave up after 120 seconds", "'/cfg/config.json.lock'", "$POLICY_LOCK_TIMEOUT"]),
        SentenceRow(
            name: "cause: stdout full", error: OutputWriteFailure(stream: .standardOutput, error: Errno(rawValue: 28)),
            exitCode: .unexpected, contains: ["Cannot write to standard output: No space left on device"]),
        SentenceRow(
            name: "status: rejected and unreachable",
            error: status([("ghcr.io", .rejected), ("registry.example:5000", .unreachable), ("quay.io", .ok)])!,
            exitCode: .credentialsRejected,
            contains: [
                "2 stored logins did not verify (ghcr.io rejected, registry.example:5000 unreachable)",
                "policy login -s"
            ],
            lacks: ["quay.io"]),
        SentenceRow(
            name: "status: expired", error: status([("ghcr.io", .expired)])!, exitCode: .credentialsRejected,
            contains: ["1 stored login did not verify (ghcr.io expired)", "log in again"]),
        SentenceRow(
            name: "status: unreachable only",
            error: status([("ghcr.io", .ok), ("registry.example:5000", .unreachable)])!, exitCode: .network,
            contains: ["1 stored login did not verify (registry.example:5000 unreachable)", "could not be reached"],
            lacks: ["log in again", "ghcr.io"])
    ]

    @Test(arguments: sentences)
    func sentencesSayWhatMatters(_ row: SentenceRow) {
        #expect(row.error.exitCode == row.exitCode)
        for text in row.contains { #expect(row.error.sentence.contains(text), "\(row.error.sentence)") }
        for text in row.lacks { #expect(!row.error.sentence.contains(text), "\(row.error.sentence)") }
    }

    /// `status --verify`: 3 when any login is rejected or expired, else 4 when any registry was unreachable; no
    /// error at all when every login is ok, or none was verified.
    @Test(
        arguments: [
            ([.ok], nil),
            ([nil, nil], nil),
            ([.ok, .ok], nil),
            ([.rejected], .credentialsRejected),
            ([.expired], .credentialsRejected),
            ([.unreachable], .network),
            ([.ok, .unreachable, .unreachable], .network),
            ([.unreachable, .rejected], .credentialsRejected),
            ([.ok, .unreachable, .expired], .credentialsRejected)
        ] as [([StatusRow.State?], ExitCode?)])
    func statusExitCodes(_ states: [StatusRow.State?], _ expected: ExitCode?) {
        let names = ["ghcr.io", "quay.io", "registry.example:5000"]
        #expect(Self.status(Array(zip(names, states)))?.exitCode == expected)
    }

    struct Run: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var environment: [String: String] = ["HOME": "/nonexistent-home"]
        var exitCode: ExitCode
        var names: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Whole command lines run in-process through `Policy.run`, with an injected environment.
    static let runs: [Run] = [
        Run(arguments: ["login", "-s", "-u", "alice", "-p", "KEY"], exitCode: .usage, names: "-s needs a value"),
        Run(arguments: ["login", "--pasword=\(secret)"], exitCode: .usage, names: "did you mean --password?"),
        Run(arguments: ["login", "-s", "ghcr.io", "-u", "me"], exitCode: .usage, names: "--password-stdin"),
        Run(arguments: ["login", "-s", "ghcr.io/org/x", "-u", "me", "-p", secret], exitCode: .usage, names: "'/org/x'"),
        Run(
            arguments: ["login", "-s", "\(secret)@ghcr.io", "-u", "me", "-p", "x"], exitCode: .usage,
            names: "not a host name"),
        Run(
            arguments: ["login", "--timeout", "0", "-s", "ghcr.io", "-u", "me", "-p", "x"], exitCode: .usage,
            names: "--timeout"),
        Run(
            arguments: ["login", "-s", "ghcr.io", "-u", "me", "-p", "x"], environment: ["POLICY_HELPER_TIMEOUT": "0"],
            exitCode: .usage, names: "POLICY_HELPER_TIMEOUT"),
        Run(
            arguments: ["login", "-s", "ghcr.io", "-u", "me", "-p", "x"], environment: ["POLICY_LOCK_TIMEOUT": "soon"],
            exitCode: .usage,
            names: "$POLICY_LOCK_TIMEOUT must be a whole number of seconds between 1 and 3600, not 'soon'"),
        Run(
            arguments: ["logout"], environment: ["POLICY_CONFIG_DIR": "/nonexistent-dir"], exitCode: .usage,
            names: "--server"),
        Run(arguments: [], exitCode: .usage, names: "No command"),
        // Found by the fuzzer: an unknown option's spelling is cleaned, never a line break or an escape.
        Run(arguments: ["login", "--x\n\u{1B}[2Jy"], exitCode: .usage, names: "Unknown option --x [2Jy")
    ]

    @Test(arguments: runs)
    func runsInProcess(_ run: Run) {
        let captured = CapturedOutput()
        let code = Policy.run(
            run.arguments, environment: Environment(variables: run.environment, standardInputIsTerminal: false),
            output: captured)
        #expect(code == run.exitCode)
        #expect(captured.standardError.contains(run.names), "\(captured.standardError)")
        #expect(
            captured.standardError.split(separator: "\n").filter { $0.hasPrefix("Error: ") }.count == 1,
            "\(captured.standardError)")
        #expect(!captured.standardError.contains(Self.secret))
    }
}

extension LoginError {
    /// Whether the sentence is expected to name the registry's host (every case but a bad CA file).
    fileprivate var namesHost: Bool {
        if case .transport(_, .caFileProblem) = self { return false }
        return true
    }
}

extension StoreError {
    /// What the sentence must name: the file or the helper.
    fileprivate var named: String {
        switch self {
        case .fileSystem(_, let path, _), .notJSONObject(let path, _), .invalidEntry(let path, _, _),
            .lockTimedOut(let path, _),
            .notRegularFile(let path, _):
            path
        case .conflictingStores: "credsStore"
        case .invalidHelperName(_, let configKey), .helperNotFound(_, let configKey), .secretNotText(_, let configKey):
            configKey.description
        case .helper(let executable, _, _): executable.description
        }
    }
}
