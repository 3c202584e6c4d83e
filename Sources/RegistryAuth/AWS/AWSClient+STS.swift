import PolicyBase

extension AWSClient {
    /// STS `AssumeRoleWithWebIdentity`: an unsigned form POST (the web identity token is the proof), answered
    /// in XML. How GitHub Actions OIDC and EKS IRSA get credentials.
    /// - Throws: `AWSCallError` — STS's refusal (an invalid or expired token, a role that does not trust the
    ///   provider), the network, or a reply without credentials.
    public func assumeRoleWithWebIdentity(
        roleARN: String, sessionName: String, webIdentityToken: String,
        at endpoint: AWSEndpoint
    ) throws(AWSCallError) -> AWSCredentials {
        let form = [
            ("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"), ("RoleArn", roleARN),
            ("RoleSessionName", sessionName), ("WebIdentityToken", webIdentityToken)
        ]
        var request = AWSRequest(
            .post, url: endpoint.url,
            headers: [HTTPHeaderField("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: form.map { "\($0.0)=\(URLParts.percentEncoded($0.1))" }.joined(separator: "&"),
            timeoutMilliseconds: timeoutMilliseconds)
        request.bodySecrets = [webIdentityToken]
        let response = try exchange(request)
        guard let credentials = Self.webIdentityCredentials(in: response.body) else {
            throw .invalidReply(host: request.authority, missing: "AssumeRoleWithWebIdentityResult/Credentials")
        }
        return credentials
    }

    /// `AssumeRoleWithWebIdentityResponse/AssumeRoleWithWebIdentityResult/Credentials/{AccessKeyId, …}`.
    static func webIdentityCredentials(in body: [UInt8]) -> AWSCredentials? {
        let xml = String(decoding: body, as: UTF8.self)
        guard let keyID = XMLText.element("AccessKeyId", inside: "Credentials", of: xml), !keyID.isEmpty,
            let secret = XMLText.element("SecretAccessKey", inside: "Credentials", of: xml), !secret.isEmpty
        else { return nil }
        return AWSCredentials(
            accessKeyID: keyID, secretAccessKey: secret,
            sessionToken: XMLText.element("SessionToken", inside: "Credentials", of: xml))
    }

    /// The regional STS endpoint of `region` (the global `sts.amazonaws.com` would work too, farther away).
    public static func stsEndpoint(region: String) -> String {
        "https://sts.\(region).\(AWSPartition.dnsSuffix(region: region))/"
    }
}
