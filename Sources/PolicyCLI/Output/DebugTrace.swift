import PolicyBase
import RegistryAuth

/// `--debug`: one line per request and per response on stderr, with the headers that matter to
/// authentication. Credentials are never formatted: requests show only which kind was attached, and every
/// line is redacted of every secret in play (a server may quote one back in a header).
struct DebugTrace {
    let output: Output

    /// Response headers worth showing: they decide or explain the authentication flow.
    static let interestingHeaders: Set<String> = [
        "www-authenticate", "content-type", "content-length", "location", "docker-distribution-api-version"
    ]

    /// A trace line quotes what servers sent (URLs, headers) beside our words: every secret in play is hidden in
    /// all of it.
    func line(_ text: String) {
        output.error("[debug] " + output.redaction.apply(text))
    }

    func exchange(_ request: HTTPRequest, _ result: Result<HTTPResponse, TransportError>) {
        line("> \(request.method.rawValue) \(request.url) (\(describe(request.authorization, form: request.form)))")
        switch result {
        case .success(let response):
            let headers = response.headers
                .filter { Self.interestingHeaders.contains($0.name.lowercased()) }
                .map { "\($0.name.lowercased()): \(OutsideText($0.value))" }
            let connection = response.newConnections > 0 ? "new connection" : "reused connection"
            line(
                (["< \(response.status) (\(connection), \(response.body.count) body bytes)"] + headers).joined(
                    separator: " | "))
        case .failure(let error):
            line("< no response: \(error.sentence(host: request.authority))")
        }
    }

    private func describe(_ authorization: HTTPAuthorization?, form: [FormField]) -> String {
        if !form.isEmpty { return "form fields " + form.map(\.name).joined(separator: ", ") + ", values redacted" }
        switch authorization {
        case nil: return "no credentials"
        case .basic(let username, _): return "Basic credentials of '\(OutsideText(username, .name))', redacted"
        case .bearer: return "Bearer token, redacted"
        }
    }
}
