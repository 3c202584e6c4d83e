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

/// Runs a program to completion with the given stdin, capturing stdout and stderr in files; kills it after
/// `timeout`. Built on posix_spawn and waitpid rather than Foundation's Process, which waits for every
/// descendant that inherited its pipes (a fixture script leaves a server running in the background).
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                    environment: [String: String]? = nil, timeout: Double = 60) throws -> ProcessResult {
        let capture = try TemporaryDirectory()
        let inputPath = stdin == nil ? "/dev/null" : try capture.write("in", String(decoding: stdin!, as: UTF8.self))
        let pid = try Spawn.start(executable, arguments, stdin: .path(inputPath), stdout: capture.file("out"),
                                  stderr: capture.file("err"), environment: environment)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw ProcessRunError.timedOut(([executable] + arguments).joined(separator: " "), seconds: timeout)
            }
            usleep(2_000)
        }
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProcessResult(exitCode: exitCode, stdout: String(decoding: try capture.read("out"), as: UTF8.self),
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

    static func start(_ executable: String, _ arguments: [String], stdin: Input, stdout: String, stderr: String,
                      environment: [String: String]? = nil) throws -> pid_t {
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
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The test runner's threads block some signals; a child must start with none blocked and default
        // handlers, or it could not be stopped with SIGTERM (and ignored SIGPIPE would leak into it).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        return pid
    }
}

/// Runs the built `policy` binary as a user would: arguments, piped stdin, exit code and output.
enum Policy {
    static func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:],
                    timeout: Double = 60) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        return try ProcessRunner.run(Paths.policyBinary, arguments, stdin: stdin.map { Data($0.utf8) },
                                     environment: environment, timeout: timeout)
    }
}
