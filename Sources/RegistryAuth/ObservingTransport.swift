/// Wraps a transport and reports every exchange to an observer (used for `--debug`).
/// The observer receives requests with their credentials; redaction is the observer's job.
public final class ObservingTransport: HTTPTransport {
    public typealias Observer = (HTTPRequest, Result<HTTPResponse, TransportError>) -> Void

    private let wrapped: any HTTPTransport
    private let observer: Observer

    public init(wrapping wrapped: any HTTPTransport, observer: @escaping Observer) {
        self.wrapped = wrapped
        self.observer = observer
    }

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        try observed(request, by: wrapped.send, to: observer)
    }
}
