import Foundation
import Testing

/// The secret-hygiene check every flow ends with: none of the given secrets, in any spelling policy could
/// produce, appears on stdout or stderr (`--debug` lines included).
enum SecretLeaks {
    /// - Parameter secrets: passwords, `base64(user:secret)` values and tokens; each shorter than 4 characters
    ///   is skipped (it would match by accident).
    static func expectNone(
        in result: ProcessResult, secrets: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for secret in secrets where secret.count >= 4 {
            for (name, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                #expect(!text.contains(secret), "\(name) shows a secret: \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    /// `base64(user:secret)`, the value of a Basic Authorization header and of config.json's `auth`.
    static func basic(_ user: String, _ secret: String) -> String {
        Data("\(user):\(secret)".utf8).base64EncodedString()
    }
}
