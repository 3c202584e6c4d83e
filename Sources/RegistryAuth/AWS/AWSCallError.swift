import PolicyBase

/// Why a call to an AWS endpoint gave no usable answer. Data only: PolicyCLI words each case.
public enum AWSCallError: Error, Sendable, Equatable {
    /// No response: the network, TLS, a timeout.
    case transport(host: String, TransportError)
    /// The service answered with an error.
    case service(AWSServiceError)
    /// A success whose body is not what the API promises; `missing` names what was looked for.
    case invalidReply(host: String, missing: String)
}
