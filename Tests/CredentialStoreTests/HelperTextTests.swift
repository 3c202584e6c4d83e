import PolicyBase
import Testing

@testable import CredentialStore

/// What a helper printed, made fit to quote in one line.
struct HelperTextTests {
    @Test func stdoutWinsOverStderr() {
        let both = HelperProcess.Reply(
            status: .exited(1), stdout: Array("on stdout".utf8), stderr: Array("on stderr".utf8))
        let onlyStderr = HelperProcess.Reply(
            status: .exited(1), stdout: Array("\n".utf8), stderr: Array("on stderr".utf8))
        #expect(HelperText.message(of: both) == "on stdout")
        #expect(HelperText.message(of: onlyStderr) == "on stderr")
    }

    @Test func aJSONReplyIsNeverQuotedItMayHoldTheSecret() {
        let reply = HelperProcess.Reply(
            status: .exited(1), stdout: Array(#"{"Username": "u", "Secret": "s3cret"}"#.utf8), stderr: [])
        #expect(HelperText.message(of: reply) == "")
    }

    @Test(arguments: ["", "a/b", "../../bin/sh", "line\nbreak", "pass\u{202E}", "pass\u{9B}", " pass"])
    func aHelperNameMustBeAPlainName(_ name: String) {
        #expect(throws: StoreError.invalidHelperName(name: OutsideText(name, .name), configKey: "credsStore")) {
            try CredentialHelper(name: name, configKey: "credsStore", timeoutSeconds: 1)
        }
    }
}
