/// Sends `request` with `send` and reports the exchange, answer or failure, to `observer`: what both observing
/// transports (registry and AWS) do around the transport they wrap.
func observed<Request>(
    _ request: Request, by send: (Request) throws(TransportError) -> HTTPResponse,
    to observer: (Request, Result<HTTPResponse, TransportError>) -> Void
) throws(TransportError) -> HTTPResponse {
    do {
        let response = try send(request)
        observer(request, .success(response))
        return response
    } catch {
        observer(request, .failure(error))
        throw error
    }
}
