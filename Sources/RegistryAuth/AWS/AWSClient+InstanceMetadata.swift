import PolicyBase

extension AWSClient {
    /// IMDSv2: `PUT /latest/api/token`, then with the token `GET /latest/meta-data/iam/security-credentials/`
    /// (the role name) and `…/<role>` (its credentials). A 403, 404 or 405 to the PUT means IMDSv1 only: the
    /// GETs go without a token unless `allowV1` is false. Every request is bounded by about a second.
    public func instanceMetadataCredentials(
        at endpoint: AWSEndpoint, allowV1: Bool
    ) throws(AWSCallError) -> InstanceMetadataOutcome {
        let base = endpoint.url
        var token: String?
        do {
            let response = try transport.send(
                AWSRequest(
                    .put, url: base + "latest/api/token",
                    headers: [HTTPHeaderField("X-aws-ec2-metadata-token-ttl-seconds", "21600")],
                    timeoutMilliseconds: Self.metadataTimeoutMilliseconds, direct: true))
            if response.status == 200 {
                token = String(decoding: response.body, as: UTF8.self).trimmingHTTPWhitespace()
            } else if [403, 404, 405].contains(response.status) {
                guard allowV1 else { return .unavailable(.v1Disabled(tokenStatus: response.status)) }
                token = nil
            } else {
                return .unavailable(.refused(status: response.status))
            }
        } catch {
            return .unavailable(.noAnswer(error))
        }
        let tokenHeader = token.map { [HTTPHeaderField("X-aws-ec2-metadata-token", $0)] } ?? []
        let listing = AWSRequest(
            .get, url: base + "latest/meta-data/iam/security-credentials/", headers: tokenHeader,
            timeoutMilliseconds: Self.metadataTimeoutMilliseconds, direct: true)
        let roles: HTTPResponse
        do {
            roles = try transport.send(listing)
        } catch .unsafeHeaderValue(let field) {
            // The token the service gave cannot go in a header: a broken source, not an absent one.
            throw .transport(host: listing.authority, .unsafeHeaderValue(field: field))
        } catch {
            return .unavailable(.noAnswer(error))
        }
        if roles.status == 404 { return .unavailable(.noRole) }
        guard roles.status == 200 else { return .unavailable(.refused(status: roles.status)) }
        let role =
            String(decoding: roles.body, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !role.isEmpty, !role.contains("/") else { return .unavailable(.noRole) }
        let fetch = AWSRequest(
            .get, url: listing.url + URLParts.percentEncoded(role), headers: tokenHeader,
            timeoutMilliseconds: Self.metadataTimeoutMilliseconds, direct: true)
        let response = try exchange(fetch)
        guard let object = AWSReply.jsonObject(response.body),
            object["Code"]?.stringValue.map({ $0 == "Success" }) ?? true,
            let credentials = AWSReply.credentials(object)
        else { throw .invalidReply(host: fetch.authority, missing: "Code Success, AccessKeyId and SecretAccessKey") }
        return .credentials(credentials, role: role)
    }

    /// Off EC2 the address does not answer: give up after about a second, as the SDKs do.
    public static let metadataTimeoutMilliseconds = 1000
}
