import PolicyBase

/// Calls the AWS endpoints a native ECR login needs, over an `AWSTransport` of its own (see
/// `AWSClient+ECR.swift`, `+STS`, `+Container`, `+InstanceMetadata`). Knows HTTP, never files: token files
/// are read by the caller and passed in.
public struct AWSClient {
    let transport: any AWSTransport
    /// Bound on each ECR and STS request; the local sources have their own short bounds.
    let timeoutMilliseconds: Int

    public init(transport: any AWSTransport, timeoutSeconds: Int) {
        self.transport = transport
        timeoutMilliseconds = timeoutSeconds * 1000
    }

    /// Sends `request`; a status outside 2xx becomes `.service` with the code and message the body gives.
    func exchange(_ request: AWSRequest) throws(AWSCallError) -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch {
            throw .transport(host: request.authority, error)
        }
        guard (200..<300).contains(response.status) else {
            throw .service(
                AWSServiceError(response: response, host: request.authority, redacting: request.secretsInPlay))
        }
        return response
    }
}
