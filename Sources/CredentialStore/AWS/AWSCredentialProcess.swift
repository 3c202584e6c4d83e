import PolicyBase

/// A profile's `credential_process`: the command line is run by `/bin/sh -c` (as aws-sdk-go-v2 and the Rust
/// SDK run it), bounded like a credential helper, and prints
/// `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`.
public struct AWSCredentialProcess: Sendable {
    public let command: String
    let process: BoundedProcess

    /// - Parameters:
    ///   - timeoutSeconds: bound on the run; the command and everything it started are killed after it.
    ///   - outputLimit: most bytes accepted on stdout and on stderr.
    public init(command: String, timeoutSeconds: Int, outputLimit: Int = 1 << 20) {
        self.command = command
        process = BoundedProcess(
            executable: "/bin/sh", arguments: ["-c", command], timeoutSeconds: timeoutSeconds,
            outputLimit: outputLimit)
    }

    /// Runs the command and reads its credentials, waiting on the one bridge to Swift concurrency (as the
    /// credential helpers do); not from inside a task.
    public func run() throws(AWSProcessProblem) -> AWSCredentials {
        let process = process
        let outcome =
            (try? BlockingBridge.run { () throws(StoreError) in await process.run(input: []) })
            ?? .couldNotRun("the call did not finish")
        return try Self.credentials(from: outcome, process: process)
    }

    private static func credentials(
        from outcome: BoundedProcess.Outcome, process: BoundedProcess
    ) throws(AWSProcessProblem) -> AWSCredentials {
        switch outcome {
        case .finished(let reply):
            guard reply.succeeded else {
                throw .failed(status: reply.status, message: OutsideText(bytes: reply.stderr))
            }
            return try credentials(in: reply.stdout)
        case .timedOut: throw .timedOut(seconds: process.timeoutSeconds)
        case .tooMuchOutput: throw .outputTooLarge(limit: process.outputLimit)
        case .notFound: throw .couldNotRun(reason: "/bin/sh was not found")
        case .couldNotRun(let reason): throw .couldNotRun(reason: OutsideText(reason))
        }
    }

    /// The documented JSON; what is wrong with it is named, its values never quoted.
    static func credentials(in output: [UInt8]) throws(AWSProcessProblem) -> AWSCredentials {
        guard let object = (try? JSONParser.parse(output))?.objectValue else {
            throw .invalidOutput(reason: "it is not a JSON object")
        }
        guard case .number(let version) = object["Version"], version == "1" else {
            throw .invalidOutput(reason: "its Version is not 1")
        }
        guard let keyID = object["AccessKeyId"]?.stringValue, !keyID.isEmpty else {
            throw .invalidOutput(reason: "it has no AccessKeyId")
        }
        guard let secret = object["SecretAccessKey"]?.stringValue, !secret.isEmpty else {
            throw .invalidOutput(reason: "it has no SecretAccessKey")
        }
        return AWSCredentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: object["SessionToken"]?.stringValue)
    }
}
