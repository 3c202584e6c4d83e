import Foundation
import Testing

/// `policy __man` prints `policy.1`: it renders through man with no groff warning, and it describes every
/// command, option and exit code that `policy help` lists, the environment and the files.
@Suite(
    .enabled(if: Tools.available("man", "groff"), "man-db or groff-base is not installed (with CI=true they must be)"))
struct ManPageTests {
    /// The page rendered by `man -l` with all of groff's warnings on (`--warnings=w` passes groff `-ww`).
    static func render() throws -> (source: String, text: String, warnings: String) {
        let page = try PolicyBinary.run(["__man"], timeout: 10)
        #expect(page.exitCode == 0)
        #expect(page.stderr.isEmpty)
        let directory = try TemporaryDirectory()
        let file = try directory.write("policy.1", page.stdout)
        var environment = ProcessInfo.processInfo.environment
        environment["MANPAGER"] = "cat"
        environment["MANWIDTH"] = "200"
        environment["LC_ALL"] = "C.UTF-8"
        let man = try ProcessRunner.run(
            "/usr/bin/env", ["man", "--warnings=w", "-l", file], environment: environment, timeout: 30)
        #expect(man.exitCode == 0, "\(man.stderr)")
        // One space for every run of blanks and line breaks, so that wrapped text still reads as one line.
        let text = man.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        return (page.stdout, text, man.stderr)
    }

    @Test func rendersWithoutWarnings() throws {
        let page = try Self.render()
        #expect(page.warnings.isEmpty, "\(page.warnings)")
        // Plain ASCII: non-ASCII characters are written as groff escapes, so no input encoding is assumed.
        #expect(page.source.utf8.allSatisfy { $0 < 0x80 })
        #expect(page.source.hasPrefix(#".\" "#) && page.source.contains(".TH POLICY 1 "))
    }

    @Test func describesEveryCommandOptionAndExitCode() throws {
        let text = try Self.render().text
        for section in [
            "NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"
        ] {
            #expect(text.contains(" \(section) "), "section \(section)")
        }
        for command in try HelpListing.commands() {
            #expect(text.contains("policy \(command)"), "command \(command)")
            for option in try HelpListing.longOptions(of: command) + HelpListing.shortOptions(of: command) {
                #expect(text.contains(" \(option)"), "\(option) of \(command)")
            }
        }
        let codes = try HelpListing.exitCodes()
        #expect(codes.count >= 7)
        for (code, summary) in codes {
            #expect(text.contains(" \(code) \(summary)"), "exit code \(code)")
        }
        for name in [
            "POLICY_CONFIG_DIR", "POLICY_HELPER_TIMEOUT", "HOME", "PATH", "HTTPS_PROXY", "NO_PROXY",
            "~/.policy/config.json", "~/.policy/default-domain.cfg"
        ] {
            #expect(text.contains(name), "\(name)")
        }
    }
}
