import Foundation

/// What `policy help` and `policy help COMMAND` list, read from the built binary: the completion and man-page
/// tests take commands and options from here, so none is written into a test by hand.
enum HelpListing {
    /// The commands `policy help` lists, in its order.
    static func commands() throws -> [String] {
        section("Commands:", of: try help([])).compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// Every `--long` option `policy help COMMAND` lists, the command's own and the global ones.
    static func longOptions(of command: String) throws -> [String] {
        let text = try help([command])
        return (section("Options:", of: text) + section("Global options:", of: text)).compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("--") }.map(String.init)
        }
    }

    /// Every `-x` option `policy help COMMAND` lists.
    static func shortOptions(of command: String) throws -> [String] {
        let text = try help([command])
        return (section("Options:", of: text) + section("Global options:", of: text)).compactMap { line in
            let first = line.split(separator: " ").first.map { String($0.dropLast()) } ?? ""
            return first.count == 2 && first.hasPrefix("-") ? first : nil
        }
    }

    /// The exit codes and their meanings as `policy help login` lists them.
    static func exitCodes() throws -> [(code: String, summary: String)] {
        section("Exit codes:", of: try help(["login"])).map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
    }

    private static func help(_ arguments: [String]) throws -> String {
        let result = try PolicyBinary.run(["help"] + arguments, timeout: 20)
        guard result.exitCode == 0 else { throw HelpError(arguments: arguments, stderr: result.stderr) }
        return result.stdout
    }

    /// The indented lines under `title`, up to the next blank line.
    private static func section(_ title: String, of text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == title }) else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    struct HelpError: Error {
        var arguments: [String]
        var stderr: String
    }
}
