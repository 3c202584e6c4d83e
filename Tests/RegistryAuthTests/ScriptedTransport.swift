@testable import RegistryAuth

/// A transport that answers from a script keyed by URL prefix and records every request.
final class ScriptedTransport: HTTPTransport {
    typealias Answer = @Sendable (HTTPRequest) -> Result<HTTPResponse, TransportError>
    private let answers: [(prefix: String, answer: Answer)]
    private(set) var requests: [HTTPRequest] = []

    init(_ answers: [(String, Answer)]) {
        self.answers = answers.map { (prefix: $0.0, answer: $0.1) }
    }

    func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        requests.append(request)
        guard let entry = answers.first(where: { request.url.hasPrefix($0.prefix) }) else {
            throw .connectionRefused
        }
        return try entry.answer(request).get()
    }

    static func challenge(_ header: String) -> Answer {
        { request in
            if request.authorization == nil {
                return .success(
                    HTTPResponse(
                        status: 401, headers: [("Www-Authenticate", header)],
                        body: Array(#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#.utf8)))
            }
            return .success(HTTPResponse(status: 200))
        }
    }

    /// 401 with `challenge` to anonymous requests; a credentialed one "followed a redirect" and got 200 at `url`.
    static func redirectedWhenAuthorized(to url: String, challenge header: String) -> Answer {
        { request in
            if request.authorization == nil { return challenge(header)(request) }
            return .success(HTTPResponse(status: 200, effectiveURL: url))
        }
    }

    static func status(_ status: Int, body: String = "", headers: [(String, String)] = []) -> Answer {
        { _ in
            .success(
                HTTPResponse(status: status, headers: headers.map { (name: $0.0, value: $0.1) }, body: Array(body.utf8))
            )
        }
    }
}
