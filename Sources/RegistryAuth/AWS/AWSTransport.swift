/// Sends AWS requests; the real one is `AWSCurlTransport`, tests inject their own.
public protocol AWSTransport: AnyObject {
    /// Sends one request and returns the response. Redirects are never followed.
    func send(_ request: AWSRequest) throws(TransportError) -> HTTPResponse
}
