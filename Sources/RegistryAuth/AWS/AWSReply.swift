import PolicyBase

/// Reading the JSON replies of AWS endpoints.
enum AWSReply {
    static func jsonObject(_ body: [UInt8]) -> [String: JSONValue]? {
        (try? JSONParser.parse(body))?.objectValue
    }

    /// `AccessKeyId`, `SecretAccessKey` and `Token` (container endpoint, instance metadata) or `SessionToken`.
    static func credentials(_ object: [String: JSONValue]) -> AWSCredentials? {
        guard let keyID = object["AccessKeyId"]?.stringValue, !keyID.isEmpty,
            let secret = object["SecretAccessKey"]?.stringValue, !secret.isEmpty
        else { return nil }
        return AWSCredentials(
            accessKeyID: keyID, secretAccessKey: secret,
            sessionToken: object["Token"]?.stringValue ?? object["SessionToken"]?.stringValue)
    }
}
