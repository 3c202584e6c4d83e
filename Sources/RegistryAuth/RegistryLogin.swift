import PolicyBase

/// How a successful verification went.
public struct LoginReport: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The registry (Basic) or its token service (Bearer) accepted the credentials.
        case verified(AuthChallenge)
        /// `/v2/` answered 200 without credentials: the registry could not check them.
        case anonymousAccess
    }
    public var outcome: Outcome
    /// True when a loopback registry was retried over plain HTTP after the TLS handshake failed.
    public var fellBackToPlainHTTP: Bool
    /// What each `--check-access` request was granted, in the order asked.
    public var access: [AccessReport] = []
}

/// Verifies credentials against a registry: probe `/v2/`, answer its challenge (Basic or Bearer token), repeat.
/// Knows nothing of files or terminals; all I/O goes through the injected transport.
public struct RegistryLogin {
    private let transport: any HTTPTransport
    /// Every secret the flow has sent or received so far; a server's message quoting one is redacted.
    let secrets = SecretsInPlay()

    public init(transport: any HTTPTransport) {
        self.transport = transport
    }

    /// - Parameters:
    ///   - plainHTTP: talk plain HTTP from the start (`--plaintext` or an `http://` server).
    ///   - access: repositories whose access to check once the credentials are verified.
    /// - Throws: `LoginError` describing the first step that failed.
    public func verify(
        _ credentials: Credentials, at registry: RegistryAddress, plainHTTP: Bool,
        checking access: [AccessRequest] = []
    ) throws(LoginError) -> LoginReport {
        secrets.add(credentials)
        var plain = plainHTTP || registry.explicitPlainHTTP
        var fellBack = false
        let probe: HTTPResponse
        do {
            probe = try send(HTTPRequest(url: registry.apiURL(plainHTTP: plain)), host: registry.apiAuthority)
        } catch let error where !plain && registry.isLoopback && error.isHandshakeFailure {
            guard
                let retried = try? send(
                    HTTPRequest(url: registry.apiURL(plainHTTP: true)), host: registry.apiAuthority),
                retried.status == 401 || (200..<300).contains(retried.status)
            else { throw error }
            probe = retried
            plain = true
            fellBack = true
        }
        let outcome = try answer(probe, credentials: credentials, registry: registry, plainHTTP: plain)
        let reports = try access.map { (request) throws(LoginError) -> AccessReport in
            try check(request, outcome: outcome, credentials: credentials, registry: registry, plainHTTP: plain)
        }
        return LoginReport(outcome: outcome, fellBackToPlainHTTP: fellBack, access: reports)
    }

    private func answer(
        _ probe: HTTPResponse, credentials: Credentials, registry: RegistryAddress,
        plainHTTP: Bool
    ) throws(LoginError) -> LoginReport.Outcome {
        let host = registry.apiAuthority
        if (200..<300).contains(probe.status) { return .anonymousAccess }
        guard probe.status == 401 else {
            throw .unexpectedStatus(host: host, status: probe.status, serverMessage: message(of: probe))
        }
        let headerValues = probe.values(of: "WWW-Authenticate")
        guard !headerValues.isEmpty else { throw .missingChallenge(host: host) }
        let challenges: [Challenge]
        do {
            challenges = try ChallengeParser.parse(headerValues: headerValues)
        } catch {
            throw .malformedChallenge(host: host, error)
        }
        guard let challenge = AuthChallenge.select(from: challenges) else {
            if challenges.contains(where: { $0.scheme == "bearer" }) { throw .bearerWithoutRealm(host: host) }
            throw .unsupportedChallenge(host: host, schemes: challenges.map { OutsideText($0.scheme, .word) })
        }
        let apiURL = registry.apiURL(plainHTTP: plainHTTP)
        let authorization: HTTPAuthorization
        switch challenge {
        case .basic:
            // A refresh token only means something to a token service.
            guard credentials.kind == .password else { throw .identityTokenWithoutTokenService(host: host) }
            authorization = .basic(username: credentials.username, password: credentials.secret)
        case .bearer(let realm, let service, let scope):
            let token = try fetchToken(
                realm: realm, service: service, scope: scope, credentials: credentials,
                registryPlainHTTP: plainHTTP)
            authorization = .bearer(token: token)
        }
        let confirmation = try send(HTTPRequest(url: apiURL, authorization: authorization), host: host)
        try expectSuccess(confirmation, host: host)
        return .verified(challenge)
    }

    /// Asks the token service for a token: with Basic credentials (GET, the form every registry accepts), or,
    /// for an identity token, with the OAuth2 refresh-token grant (POST, as the distribution token spec says).
    func fetchToken(
        realm: String, service: String?, scope: String?, credentials: Credentials,
        registryPlainHTTP: Bool
    ) throws(LoginError) -> String {
        guard let realmParts = URLParts(realm) else { throw .invalidRealm(realm: OutsideText(realm)) }
        if realmParts.scheme == "http" && !registryPlainHTTP { throw .insecureRealm(realm: OutsideText(realm)) }
        let request: HTTPRequest
        switch credentials.kind {
        case .password:
            var query: [(String, String)] = []
            if let service { query.append(("service", service)) }
            if let scope { query.append(("scope", scope)) }
            let basic = HTTPAuthorization.basic(username: credentials.username, password: credentials.secret)
            request = HTTPRequest(url: URLParts.appendingQuery(query, to: realm), authorization: basic)
        case .identityToken:
            var form = [
                FormField("grant_type", "refresh_token"),
                FormField("refresh_token", String(decoding: credentials.secret, as: UTF8.self)),
                FormField("client_id", "policy")
            ]
            if let service { form.append(FormField("service", service)) }
            if let scope { form.append(FormField("scope", scope)) }
            request = HTTPRequest(.post, url: realm, form: form)
        }
        let reply = try send(request, host: realmParts.authority)
        // An OAuth2 server answers a refresh token it does not accept with 400 invalid_grant.
        if credentials.kind == .identityToken && reply.status == 400 {
            throw .credentialsRejected(host: realmParts.authority, status: 400, serverMessage: message(of: reply))
        }
        try expectSuccess(reply, host: realmParts.authority)
        let token: String
        do {
            token = try TokenReply.decode(reply.body)
        } catch {
            throw .invalidTokenReply(host: realmParts.authority, error)
        }
        secrets.add(token)
        return token
    }

    func expectSuccess(_ response: HTTPResponse, host: String) throws(LoginError) {
        if (200..<300).contains(response.status) { return }
        let message = message(of: response)
        if response.status == 401 || response.status == 403 {
            throw .credentialsRejected(host: host, status: response.status, serverMessage: message)
        }
        throw .unexpectedStatus(host: host, status: response.status, serverMessage: message)
    }

    /// What the server said in its error body, with every secret in play hidden.
    func message(of response: HTTPResponse) -> OutsideText? {
        ServerMessage.extract(from: response, redacting: secrets.redaction)
    }

    /// Sends one request. A request that ended on another origin is an error: the answer came from a
    /// server that never saw the credentials (libcurl drops them across origins), so it can neither confirm
    /// nor reject them — not even as "anonymous access". A final URL that cannot be parsed counts as another
    /// origin: a check that is skipped when parsing fails would let exactly the odd cases through.
    func send(_ request: HTTPRequest, host: String) throws(LoginError) -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch {
            throw .transport(host: host, error)
        }
        if let finalURL = response.effectiveURL {
            let target = URLParts(finalURL)
            // Compared with the request as the transport spelt it: `127.1` that became `127.0.0.1` is no redirect.
            if target == nil || target?.origin != URLParts(response.requestURL ?? request.url)?.origin {
                let shown = target?.authority ?? URLParts.withoutUserInfo(finalURL)
                throw .redirectedElsewhere(host: host, target: OutsideText(shown, .name))
            }
        }
        return response
    }
}

extension LoginError {
    fileprivate var isHandshakeFailure: Bool {
        if case .transport(_, .tlsHandshakeFailed) = self { return true }
        return false
    }
}
