#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Platform/CurrentProcess.swift: port environ, getuid and exit to this C library (see README, Platforms)")
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

    /// The arguments after the program's name, as the bytes the system passed (`CommandLine.arguments` repairs
    /// bytes that are not UTF-8, and a password given as an argument must keep them); nil when they cannot be
    /// found: the Swift runtime looks for them through `/proc`, and where that is not mounted they are read from
    /// the initial stack instead (`StartupArguments`), which fails only once the environment has been replaced.
    public static func argumentBytes() -> [[UInt8]]? {
        guard CommandLine.argc > 0 else { return StartupArguments.read().map { Array($0.dropFirst()) } }
        return (0..<Int(CommandLine.argc)).dropFirst().map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return [] }
            return argument.withMemoryRebound(to: UInt8.self, capacity: strlen(argument) + 1) { bytes in
                Array(UnsafeBufferPointer(start: bytes, count: strlen(argument)))
            }
        }
    }

    /// The user's home directory from `/etc/passwd` (not `$HOME`, and not through NSS: see `PasswordFile`); nil
    /// when the file cannot be read or has no usable line for this user.
    public static func passwordDatabaseHome() -> String? {
        guard let contents = try? FileDescriptor.readFile(PasswordFile.path, limit: 16 << 20) else { return nil }
        return PasswordFile.homeDirectory(of: UInt32(getuid()), in: contents)
    }

    /// Ends the process with `status`, flushing nothing (`policy` writes unbuffered).
    public static func exit(_ status: Int32) -> Never {
        systemExit(status)
    }
}

private func systemExit(_ status: Int32) -> Never { exit(status) }
