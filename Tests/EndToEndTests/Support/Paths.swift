import Foundation

/// Where the repository, the built binary and the fixtures are.
enum Paths {
    /// The repository root, found from this file's location.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `policy` binary under test: `$POLICY_BIN` (set by `make test`), else the debug build.
    static var policyBinary: String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["POLICY_BIN"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return root.appendingPathComponent(".build/debug/policy").path
    }

    static let fixtures = root.appendingPathComponent("Tests/Fixtures")
}

/// Whether the external programs a test needs are installed. Under `CI=true` a missing one is a failure,
/// not a skip: the `.enabled(if:)` trait lets the test run and fail on its first use.
enum Tools {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static func installed(_ names: String...) -> Bool {
        names.allSatisfy { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
            }
        }
    }

    /// True when the test should run: the tools exist, or CI demands that it run (and fail without them).
    static func available(_ names: String...) -> Bool {
        isCI || names.allSatisfy { installed($0) }
    }
}
