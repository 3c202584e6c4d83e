/// Wraps an AWS transport and reports every exchange to an observer (used for `--debug`). The observer
/// receives requests with their secrets (a signing key, token headers, a web identity token in the body);
/// describing them without their values is the observer's job.
public final class ObservingAWSTransport: AWSTransport {
    public typealias Observer = (AWSRequest, Result<HTTPResponse, TransportError>) -> Void

    private let wrapped: any AWSTransport
    private let observer: Observer

    public init(wrapping wrapped: any AWSTransport, observer: @escaping Observer) {
        self.wrapped = wrapped
        self.observer = observer
    }

    public func send(_ request: AWSRequest) throws(TransportError) -> HTTPResponse {
        try observed(request, by: wrapped.send, to: observer)
    }
}
