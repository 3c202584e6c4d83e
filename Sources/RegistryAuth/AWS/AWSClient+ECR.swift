import PolicyBase

extension AWSClient {
    /// ECR's (or ECR Public's) `GetAuthorizationToken`: a JSON 1.1 POST of `{}` to `/`, signed with SigV4 for
    /// the registry's region and service. The token works for every registry the principal may reach.
    /// - Throws: `AWSCallError` — the service's refusal, the network, or a reply without a token.
    public func authorizationToken(
        for registry: ECRRegistry, at endpoint: AWSEndpoint,
        credentials: AWSCredentials
    ) throws(AWSCallError) -> ECRAuthorization {
        let service = registry.service
        let request = AWSRequest(
            .post, url: endpoint.url,
            headers: [
                HTTPHeaderField("Content-Type", "application/x-amz-json-1.1"),
                HTTPHeaderField("X-Amz-Target", service.authorizationTarget ?? "")
            ],
            body: "{}",
            signing: AWSSigning(region: registry.region, service: service.signingName, credentials: credentials),
            timeoutMilliseconds: timeoutMilliseconds)
        let response = try exchange(request)
        guard let authorization = Self.authorization(in: response.body) else {
            throw .invalidReply(host: request.authority, missing: "authorizationData.authorizationToken")
        }
        return authorization
    }

    /// `authorizationData` is a list for ECR and one object for ECR Public; its `authorizationToken` is
    /// base64 of `AWS:<password>`.
    static func authorization(in body: [UInt8]) -> ECRAuthorization? {
        guard let data = AWSReply.jsonObject(body)?["authorizationData"] else { return nil }
        let entry: [String: JSONValue]?
        switch data {
        case .array(let list): entry = list.first?.objectValue
        default: entry = data.objectValue
        }
        guard let entry, let token = entry["authorizationToken"]?.stringValue, let bytes = Base64.decode(token) else {
            return nil
        }
        let pair = String(decoding: bytes, as: UTF8.self)
        guard let colon = pair.firstIndex(of: ":"), colon != pair.startIndex else { return nil }
        let password = String(pair[pair.index(after: colon)...])
        guard !password.isEmpty else { return nil }
        return ECRAuthorization(
            username: String(pair[..<colon]), password: password,
            expiresAt: entry["expiresAt"]?.unixSeconds)
    }
}
