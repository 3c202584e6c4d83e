import PolicyBase

extension AWSClient {
    /// The container credentials endpoint of ECS and EKS Pod Identity: `GET` with an optional
    /// `Authorization` header, answered with `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}`.
    public func containerCredentials(url: String, authorization: String?) throws(AWSCallError) -> AWSCredentials {
        let request = AWSRequest(
            .get, url: url, headers: authorization.map { [HTTPHeaderField("Authorization", $0)] } ?? [],
            timeoutMilliseconds: Self.containerTimeoutMilliseconds, direct: true)
        let response = try exchange(request)
        guard let object = AWSReply.jsonObject(response.body), let credentials = AWSReply.credentials(object) else {
            throw .invalidReply(host: request.authority, missing: "AccessKeyId and SecretAccessKey")
        }
        return credentials
    }

    /// The endpoint is on the same host or link: botocore waits 2 seconds.
    public static let containerTimeoutMilliseconds = 2000

    /// Where `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is appended.
    public static let containerRelativeBase = "http://169.254.170.2"

    /// Whether `AWS_CONTAINER_CREDENTIALS_FULL_URI` may be used, as the SDKs allow it: any HTTPS URL; plain
    /// HTTP only to a loopback address, `169.254.170.2`, `169.254.170.23` or `fd00:ec2::23`.
    public static func isAllowedContainerURL(_ url: String) -> Bool {
        guard let parts = URLParts(url) else { return false }
        if parts.scheme == "https" { return true }
        var host = Substring(parts.authority)
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        if ["localhost", "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "::1"].contains(String(host)) {
            return true
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
