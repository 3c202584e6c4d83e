/// An Amazon ECR registry recognised by its host name, and where its `GetAuthorizationToken` API answers.
///
/// Private registries as amazon-ecr-credential-helper recognises them (`ecr-login/api/client.go`):
/// `<12 digits>.dkr.ecr[-fips].<region>.<suffix>` (or `dkr-ecr` for dual-stack) on `amazonaws.com`,
/// `amazonaws.com.cn`, `amazonaws.eu`, the dual-stack `on.aws` and `on.amazonwebservices.com.cn`, and the
/// isolated partitions. ECR Public: `public.ecr.aws` (also `ecr-public.aws.com`), always us-east-1.
public struct ECRRegistry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case privateRegistry(accountID: String)
        case publicRegistry
    }

    public let kind: Kind
    /// The region in the host (us-east-1 for ECR Public): it signs the request and names the endpoint.
    public let region: String
    public let fips: Bool
    /// The host's DNS suffix: `amazonaws.com`, `on.aws`, `c2s.ic.gov`, …
    public let dnsSuffix: String

    /// The hosts of ECR Public.
    public static let publicHosts: Set<String> = ["public.ecr.aws", "ecr-public.aws.com"]

    /// Recognises `host` (lower-cased, an optional `:port` ignored); nil for any other registry.
    public init?(host: String) {
        var name = Substring(host.lowercased())
        if let colon = name.lastIndex(of: ":"), !name.hasPrefix("[") { name = name[..<colon] }
        if Self.publicHosts.contains(String(name)) {
            kind = .publicRegistry
            region = "us-east-1"
            fips = false
            dnsSuffix = "amazonaws.com"
            return
        }
        let pattern =
            #/([0-9]{12})\.dkr[.\-]ecr(-fips)?\.([a-z0-9][a-z0-9\-_]*)\.(amazonaws\.(?:com(?:\.cn)?|eu)|on\.(?:aws|amazonwebservices\.com\.cn)|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)/#
        guard let match = String(name).wholeMatch(of: pattern) else { return nil }
        kind = .privateRegistry(accountID: String(match.1))
        fips = match.2 != nil
        region = String(match.3)
        dnsSuffix = String(match.4)
    }

    /// The registry's API: `ecr` or `ecr-public`.
    public var service: AWSService { kind == .publicRegistry ? .ecrPublic : .ecr }

    /// True for the dual-stack names (`on.aws`, `on.amazonwebservices.com.cn`), whose API is dual-stack too.
    public var dualStack: Bool { dnsSuffix.hasPrefix("on.") }

    /// Where `GetAuthorizationToken` answers, as the AWS SDKs' endpoint rules give it for this region, partition,
    /// FIPS and dual-stack (checked against botocore's rules).
    public var apiEndpoint: String {
        let r = region
        switch (kind, dnsSuffix) {
        case (.publicRegistry, _):
            return "https://api.ecr-public.us-east-1.amazonaws.com/"
        case (_, "on.aws"):
            return fips ? "https://ecr-fips.\(r).api.aws/" : "https://ecr.\(r).api.aws/"
        case (_, "on.amazonwebservices.com.cn"):
            return fips
                ? "https://api.ecr-fips.\(r).api.amazonwebservices.com.cn/"
                : "https://ecr.\(r).api.amazonwebservices.com.cn/"
        case (_, "amazonaws.com"):
            return fips ? "https://ecr-fips.\(r).amazonaws.com/" : "https://api.ecr.\(r).amazonaws.com/"
        default:
            return fips ? "https://api.ecr-fips.\(r).\(dnsSuffix)/" : "https://api.ecr.\(r).\(dnsSuffix)/"
        }
    }
}
