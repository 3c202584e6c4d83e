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
