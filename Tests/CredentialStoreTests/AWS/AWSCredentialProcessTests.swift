import PolicyBase
import Testing

@testable import CredentialStore

/// What a `credential_process` prints, read as the SDKs read it. Running the command (its bounds, its failures)
/// is tested through the binary (`AWSLoginFailureTests`): in-process, the async runner would share the test
/// runner's threads with tests that block them.
struct AWSCredentialProcessTests {
    @Test func itsJSONGivesTheCredentials() throws {
        let output =
            #"{"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "s3cret", "SessionToken": "tok", "Expiration": "2099-01-01T00:00:00Z"}"#
        #expect(
            try AWSCredentialProcess.credentials(in: Array(output.utf8))
                == AWSCredentials(accessKeyID: "ASIAPROC", secretAccessKey: "s3cret", sessionToken: "tok"))
        let longTerm = #"{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s3cret"}"#
        #expect(try AWSCredentialProcess.credentials(in: Array(longTerm.utf8)).sessionToken == nil)
    }

    @Test(arguments: [
        ("AKIA-not-json", "it is not a JSON object"),
        (#"["Version", 1]"#, "it is not a JSON object"),
        (#"{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}"#, "its Version is not 1"),
        (#"{"Version": "1", "AccessKeyId": "A", "SecretAccessKey": "S"}"#, "its Version is not 1"),
        (#"{"AccessKeyId": "A", "SecretAccessKey": "S"}"#, "its Version is not 1"),
        (#"{"Version": 1, "SecretAccessKey": "S"}"#, "it has no AccessKeyId"),
        (#"{"Version": 1, "AccessKeyId": "A"}"#, "it has no SecretAccessKey"),
        (#"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": ""}"#, "it has no SecretAccessKey")
    ])
    func unusableOutputIsNamedWithoutItsValues(_ output: String, _ reason: String) {
        #expect(throws: AWSProcessProblem.invalidOutput(reason: reason)) {
            try AWSCredentialProcess.credentials(in: Array(output.utf8))
        }
    }
}
