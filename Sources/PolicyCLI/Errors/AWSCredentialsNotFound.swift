import RegistryAuth

/// A native ECR login found no AWS credentials in any source (exit 3); no AWS call was made.
struct AWSCredentialsNotFound: ReportableError {
    var server: RegistryAddress
    var registry: ECRRegistry
    var tried: [AWSSkippedSource]

    var exitCode: ExitCode { .credentialsRejected }

    var sentence: String {
        "No AWS credentials found to get a password for \(server) from ECR; tried, in order: "
            + tried.map(\.description).joined(separator: ", ")
            + ". Set AWS credentials (e.g. AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE), or pipe a password: "
            + "'aws \(registry.service == .ecrPublic ? "ecr-public" : "ecr") get-login-password --region \(registry.region) | policy login -s \(server) -u AWS --password-stdin'."
    }
}
