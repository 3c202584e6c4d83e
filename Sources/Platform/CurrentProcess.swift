#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/CurrentProcess.swift: port environ, getpwuid and exit to this C library (see README, Platforms)")
#endif

/// What the running process was given by the system: its environment, its user's home directory, its end.
public enum CurrentProcess {
    /// The environment variables, as `NAME=value` pairs split at the first `=`.
    public static func environmentVariables() -> [String: String] {
        var variables: [String: String] = [:]
        #if canImport(Darwin)
        var entry = _NSGetEnviron().pointee!
        #else
        var entry = environ
        #endif
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return variables
    }

    /// The arguments after the program's name, as the bytes the system passed: `CommandLine.arguments` repairs
    /// bytes that are not UTF-8, and a password given as an argument must keep them.
    public static func argumentBytes() -> [[UInt8]] {
        (0..<Int(CommandLine.argc)).dropFirst().map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return [] }
            return argument.withMemoryRebound(to: UInt8.self, capacity: strlen(argument) + 1) { bytes in
                Array(UnsafeBufferPointer(start: bytes, count: strlen(argument)))
            }
        }
    }

    /// The user's home directory from the password database (not `$HOME`); nil when there is none.
    public static func passwordDatabaseHome() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }

    /// Ends the process with `status`, flushing nothing (`policy` writes unbuffered).
    public static func exit(_ status: Int32) -> Never {
        systemExit(status)
    }
}

private func systemExit(_ status: Int32) -> Never { exit(status) }
