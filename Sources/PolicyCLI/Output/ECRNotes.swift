import PolicyBase
import RegistryAuth

/// The lines a native ECR login prints besides the login's own.
enum ECRNotes {
    /// Before asking ECR, on stderr: where the AWS credentials come from.
    static func fetching(_ server: RegistryAddress, from source: AWSCredentialSource) -> String {
        "Getting a password for \(server) from ECR with the AWS credentials from \(source.description)."
    }

    /// When a stored login had expired (or was refused) and is replaced by a new token.
    static func refreshing(_ server: RegistryAddress, from source: AWSCredentialSource) -> String {
        "The stored login for \(server) no longer works; getting a new password from ECR with the AWS credentials from \(source.description)."
    }
}
