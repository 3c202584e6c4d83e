import PolicyBase

/// The INI dialect of `~/.aws/credentials` and `~/.aws/config`, read as botocore reads it (Python's
/// configparser): `[section]` headers, `key = value` or `key: value` options with keys lower-cased and both
/// sides trimmed, whole-line comments starting with `#` or `;`, and lines indented deeper than an option
/// continuing its value. Values keep everything after the delimiter (no inline comments). Where botocore
/// refuses a file (a repeated section or key, options before any section) this reader is lenient: a later
/// value wins, and lines before the first section are ignored.
public struct AWSINIFile: Sendable, Equatable {
    /// Section name (as written between the brackets) → key → value.
    public private(set) var sections: [String: [String: String]] = [:]

    public init(parsing text: String) {
        var section: String?
        var lastKey: String?
        var keyIndent = 0
        for rawLine in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            let indent = rawLine.prefix { $0 == " " || $0 == "\t" }.count
            let line = rawLine.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if let section, let key = lastKey, indent > keyIndent {
                // A continuation: part of the value above (nested settings such as `s3 =`).
                let previous = sections[section]?[key] ?? ""
                sections[section]?[key] = previous.isEmpty ? line : previous + "\n" + line
                continue
            }
            if line.hasPrefix("["), line.hasSuffix("]"), line.count > 2 {
                let name = String(line.dropFirst().dropLast())
                section = name
                lastKey = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section, let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = line[..<delimiter].trimmingBlanks().lowercased()
            guard !key.isEmpty else { continue }
            sections[section]?[key] = line[line.index(after: delimiter)...].trimmingBlanks()
            lastKey = key
            keyIndent = indent
        }
    }

    /// The profiles of a config file: `[default]` and `[profile NAME]` (also `[profile default]`, which wins);
    /// a bare `[NAME]` other than default is not a profile there.
    public var configProfiles: [String: [String: String]] {
        var profiles: [String: [String: String]] = [:]
        if let plain = sections["default"] { profiles["default"] = plain }
        for (name, values) in sections {
            let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, words[0] == "profile" else { continue }
            var profile = name.drop { $0 == " " || $0 == "\t" }.dropFirst("profile".count).trimmingBlanks()
            if profile.count >= 2, profile.hasPrefix("\""), profile.hasSuffix("\"") {
                profile = String(profile.dropFirst().dropLast())
            }
            profiles[profile, default: [:]].merge(values) { _, new in new }
        }
        return profiles
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingBlanks() -> String {
        trimming { $0 == " " || $0 == "\t" }
    }
}
