import Foundation

/// Loopback listeners and addresses for transport tests.
enum LocalServers {
    /// A TCP port on 127.0.0.1 that was free a moment ago (nothing listens on it).
    static func freePort() throws -> Int {
        let listener = try SilentListener()
        return listener.port
    }

    /// The first IPv4 address of this machine that is not loopback, if any.
    static func nonLoopbackIPv4() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else {
                continue
            }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard
                getnameinfo(
                    address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count),
                    nil, 0, NI_NUMERICHOST) == 0
            else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !text.hasPrefix("127.") { return text }
        }
        return nil
    }
}

/// A socket on 127.0.0.1 that accepts connections (the kernel completes the handshake) and never answers.
final class SilentListener {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0
                    && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}

/// tinyproxy on a free loopback port, logging CONNECT requests. It runs in the foreground (`-d`) as a
/// `FixtureProcess`, so it is stopped on release and cannot outlive the test.
final class TinyProxy {
    let directory: TemporaryDirectory
    let port: Int
    let process: FixtureProcess

    init() throws {
        directory = try TemporaryDirectory()
        port = try LocalServers.freePort()
        let config = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 30
            LogFile "\(directory.file("tinyproxy.log"))"
            LogLevel Connect
            MaxClients 20
            Allow 127.0.0.1
            """
        let configPath = try directory.write("tinyproxy.conf", config)
        process = try FixtureProcess(
            "/usr/bin/tinyproxy", ["-d", "-c", configPath], stdout: directory.file("stdout.log"),
            stderr: directory.file("stderr.log"))
        let deadline = Date().addingTimeInterval(10)
        while !LocalServers.accepts(port: port) {
            guard Date() < deadline, process.isRunning else {
                process.stop()
                let log = (try? String(contentsOfFile: directory.file("stderr.log"), encoding: .utf8)) ?? ""
                throw FixtureError.startFailed("tinyproxy did not listen on \(port): \(log)")
            }
            usleep(20_000)
        }
    }

    var log: String { (try? String(contentsOfFile: directory.file("tinyproxy.log"), encoding: .utf8)) ?? "" }

    func stop() { process.stop() }
}

extension LocalServers {
    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int, host: String = "127.0.0.1") -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

/// Drives the built binary on a pseudo-terminal through `Tests/Fixtures/pty_drive.py`.
enum Terminal {
    struct Session {
        var exitCode: Int?
        var output: String
        var echoRestored: Bool
        var unanswered: [String]
        /// Whether the terminal echoed input at the moment each answer was typed.
        var echoAtAnswers: [Bool]
    }

    static func run(_ arguments: [String], answers: [(prompt: String, text: String)]) throws -> Session {
        let driver = Paths.fixtures.appendingPathComponent("pty_drive.py").path
        let answerArguments = answers.flatMap { ["--answer", $0.prompt, $0.text] }
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["python3", driver] + answerArguments + ["--", Paths.policyBinary] + arguments)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return Session(
            exitCode: object["exit"] as? Int, output: object["output"] as? String ?? "",
            echoRestored: object["echo_restored"] as? Bool ?? false,
            unanswered: object["unanswered"] as? [String] ?? [],
            echoAtAnswers: object["echo_at_answers"] as? [Bool] ?? [])
    }
}
