import Foundation

/// What a finished process left behind.
struct ProcessResult {
    var exitCode: Int32
    var stdout: String
    var stderr: String
    /// Peak resident memory of the process (getrusage's ru_maxrss), in KiB.
    var maxResidentKiB: Int = 0
}

enum ProcessRunError: Error, CustomStringConvertible {
    case timedOut(String, seconds: Double)
    var description: String {
        switch self {
        case .timedOut(let command, let seconds): return "\(command) did not finish within \(seconds) s"
        }
    }
}

/// Runs a program to completion with the given stdin, capturing stdout and stderr in files; after `timeout`
/// it kills the program's whole process group (it is started as the leader of a new one), so whatever the
/// program started in the background goes with it. Built on posix_spawn and waitpid rather than Foundation's
/// Process, which waits for every descendant that inherited its pipes (a fixture script leaves a server
/// running in the background).
enum ProcessRunner {
    /// - Parameter holdStdinOpen: stdin is a pipe whose write end this process keeps open, writing nothing,
    ///   until the program has ended (a CI job whose stdin never closes); `stdin` must then be nil.
    static func run(
        _ executable: String, _ arguments: [String], stdin: Data? = nil, holdStdinOpen: Bool = false,
        environment: [String: String]? = nil, timeout: Double = 60
    ) throws -> ProcessResult {
        try run(
            executable, rawArguments: arguments.map { Array($0.utf8) }, stdin: stdin, holdStdinOpen: holdStdinOpen,
            environment: environment, timeout: timeout)
    }

    /// The same with arguments of any bytes (a password that is not UTF-8).
    static func run(
        _ executable: String, rawArguments arguments: [[UInt8]], stdin: Data? = nil, holdStdinOpen: Bool = false,
        environment: [String: String]? = nil, timeout: Double = 60
    ) throws -> ProcessResult {
        let capture = try TemporaryDirectory()
        let input: Spawn.Input
        var heldWriter: Int32 = -1
        if holdStdinOpen {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            // Only the child may inherit the read end; nobody else may hold the write end.
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            input = .descriptor(ends[0])
            heldWriter = ends[1]
        } else {
            if let stdin {
                try stdin.write(to: URL(fileURLWithPath: capture.file("in")))
                input = .path(capture.file("in"))
            } else {
                input = .path("/dev/null")
            }
        }
        defer { if heldWriter >= 0 { close(heldWriter) } }
        let spawned = Result {
            try Spawn.start(
                executable, rawArguments: arguments, stdin: input, stdout: capture.file("out"),
                stderr: capture.file("err"), environment: environment, newProcessGroup: true)
        }
        if case .descriptor(let fd) = input { close(fd) }
        let pid = try spawned.get()
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date() > deadline {
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw ProcessRunError.timedOut(
                    ([executable] + arguments.map { String(decoding: $0, as: UTF8.self) }).joined(separator: " "),
                    seconds: timeout)
            }
            usleep(2_000)
        }
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProcessResult(
            exitCode: exitCode, stdout: String(decoding: try capture.read("out"), as: UTF8.self),
            stderr: String(decoding: try capture.read("err"), as: UTF8.self),
            maxResidentKiB: usage.ru_maxrss)
    }
}

/// posix_spawn with files for the standard streams, shared by `ProcessRunner` and `BackgroundProcess`.
enum Spawn {
    enum Input {
        case path(String)
        /// A descriptor the child gets as its stdin (e.g. the read end of a pipe).
        case descriptor(Int32)
    }

    /// - Parameter newProcessGroup: the child leads a new process group (`kill(-pid, …)` reaches all it starts).
    static func start(
        _ executable: String, _ arguments: [String], stdin: Input, stdout: String, stderr: String,
        environment: [String: String]? = nil, newProcessGroup: Bool = false
    ) throws -> pid_t {
        try start(
            executable, rawArguments: arguments.map { Array($0.utf8) }, stdin: stdin, stdout: stdout, stderr: stderr,
            environment: environment, newProcessGroup: newProcessGroup)
    }

    /// The same with arguments of any bytes.
    static func start(
        _ executable: String, rawArguments arguments: [[UInt8]], stdin: Input, stdout: String, stderr: String,
        environment: [String: String]? = nil, newProcessGroup: Bool = false
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch stdin {
        case .path(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .descriptor(let fd): posix_spawn_file_actions_adddup2(&actions, fd, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv =
            ([Array(executable.utf8)] + arguments).map { bytes -> UnsafeMutablePointer<CChar>? in
                let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
                for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
                copy[bytes.count] = 0
                return copy
            } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for argument in argv { argument?.deallocate() }
            for entry in envp { free(entry) }
        }
        // The test runner's threads block some signals; a child must start with none blocked and default
        // handlers, or it could not be stopped with SIGTERM (and ignored SIGPIPE would leak into it).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if newProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        return pid
    }
}

/// Runs the built `policy` binary as a user would: arguments, piped stdin, exit code and output.
enum PolicyBinary {
    static func run(
        _ arguments: [String], stdin: String? = nil, holdStdinOpen: Bool = false,
        environment extra: [String: String] = [:], timeout: Double = 60
    ) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        return try ProcessRunner.run(
            Paths.policyBinary, arguments, stdin: stdin.map { Data($0.utf8) },
            holdStdinOpen: holdStdinOpen, environment: environment, timeout: timeout)
    }

    /// The same with arguments and stdin of any bytes (a password that is not UTF-8).
    static func run(
        rawArguments arguments: [[UInt8]], stdin: Data? = nil, environment extra: [String: String] = [:],
        timeout: Double = 60
    ) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        return try ProcessRunner.run(
            Paths.policyBinary, rawArguments: arguments, stdin: stdin, environment: environment,
            timeout: timeout)
    }
}
