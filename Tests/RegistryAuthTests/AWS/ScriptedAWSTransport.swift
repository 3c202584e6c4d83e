@testable import RegistryAuth

/// An AWS transport that answers from a script keyed by URL suffix and method, and records every request.
final class ScriptedAWSTransport: AWSTransport {
    typealias Answer = (AWSRequest) -> Result<HTTPResponse, TransportError>
    private let answers: [(method: AWSRequest.Method, suffix: String, answer: Answer)]
    private(set) var requests: [AWSRequest] = []

    init(_ answers: [(AWSRequest.Method, String, Answer)]) {
        self.answers = answers.map { (method: $0.0, suffix: $0.1, answer: $0.2) }
    }

    func send(_ request: AWSRequest) throws(TransportError) -> HTTPResponse {
        requests.append(request)
        guard let entry = answers.first(where: { $0.method == request.method && request.url.hasSuffix($0.suffix) })
        else {
            throw .connectionRefused
        }
        return try entry.answer(request).get()
    }

    static func reply(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Answer {
        { _ in
            .success(
                HTTPResponse(status: status, headers: headers.map { (name: $0.0, value: $0.1) }, body: Array(body.utf8))
            )
        }
    }

    static func fail(_ error: TransportError) -> Answer { { _ in .failure(error) } }
}
