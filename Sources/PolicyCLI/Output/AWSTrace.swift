import PolicyBase
import RegistryAuth

/// `--debug` for a native ECR login: which credential sources were tried and which one gave the credentials,
/// and one line per AWS request and response. It names sources, header names and the signing scope — never
/// a key, a token, a body or a signature — and every line still passes through `Output`'s redactor.
struct AWSTrace {
    let trace: DebugTrace

    func skipped(_ source: AWSSkippedSource) {
        trace.line("aws: nothing from " + source.description)
    }

    func found(_ source: AWSCredentialSource) {
        trace.line("aws: credentials from " + source.description)
    }

    func exchange(_ request: AWSRequest, _ result: Result<HTTPResponse, TransportError>) {
        var how: [String] = []
        if let signing = request.signing {
            how.append(
                "SigV4 for \(signing.service) in \(signing.region)"
                    + (signing.credentials.sessionToken == nil ? "" : " with a session token"))
        } else {
            how.append("unsigned")
        }
        if !request.headers.isEmpty { how.append("headers " + request.headers.map(\.name).joined(separator: ", ")) }
        if !request.body.isEmpty { how.append("a \(request.body.utf8.count)-byte body") }
        trace.line("> \(request.method.rawValue) \(request.url) (\(how.joined(separator: "; ")); values redacted)")
        switch result {
        case .success(let response):
            let shown = response.headers.filter {
                ["content-type", "date", "x-amzn-errortype"].contains($0.name.lowercased())
            }
            .map { "\($0.name.lowercased()): \(OutsideText($0.value))" }
            trace.line((["< \(response.status) (\(response.body.count) body bytes)"] + shown).joined(separator: " | "))
        case .failure(let error):
            trace.line("< no response: \(error.awsPhrase(host: request.authority))")
        }
    }
}
