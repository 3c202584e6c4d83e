import PolicyBase

/// `--check-access`: what verified credentials may do on a repository.
extension RegistryLogin {
    /// Bearer registries: a token is asked for the repository's scope; a JWT's `access` claim says what was
    /// granted. An opaque token (GHCR), a Basic registry (ECR, htpasswd) or one that let anyone in: probes.
    func check(
        _ request: AccessRequest, outcome: LoginReport.Outcome, credentials: Credentials,
        registry: RegistryAddress, plainHTTP: Bool
    ) throws(LoginError) -> AccessReport {
        let authorization: HTTPAuthorization?
        switch outcome {
        case .verified(.bearer(let realm, let service, _)):
            let token: String
            do {
                token = try fetchToken(
                    realm: realm, service: service, scope: request.scope, credentials: credentials,
                    registryPlainHTTP: plainHTTP)
            } catch .credentialsRejected {
                // The credentials were just accepted: a refusal for this scope is access not granted.
                return AccessReport(request: request, granted: [], repositoryNotFound: false)
            }
            if let granted = Self.grantedByClaim(token, repository: request.repository) {
                return AccessReport(
                    request: request, granted: request.actions.filter(granted.contains), repositoryNotFound: false)
            }
            authorization = .bearer(token: token)
        case .verified(.basic), .anonymousAccess:
            // An identity token is never sent as a password: without a challenge for it, probes go anonymous.
            authorization =
                credentials.kind == .password
                ? .basic(username: credentials.username, password: credentials.secret)
                : nil
        }
        var granted: [RepositoryAction] = []
        var notFound = false
        let base = registry.apiURL(plainHTTP: plainHTTP) + request.repository
        for action in request.actions {
            let answer =
                action == .pull
                ? try send(
                    HTTPRequest(url: base + "/tags/list", authorization: authorization), host: registry.apiAuthority)
                : try send(
                    HTTPRequest(.post, url: base + "/blobs/uploads/", authorization: authorization),
                    host: registry.apiAuthority)
            // A registry that lets anyone reach /v2/ may still want a token for the repository (Nexus, some
            // Harbor setups): its Bearer challenge there decides, as for any token registry.
            if outcome == .anonymousAccess, answer.status == 401, let challenge = Self.bearerChallenge(in: answer) {
                return try check(
                    request, outcome: .verified(challenge), credentials: credentials, registry: registry,
                    plainHTTP: plainHTTP)
            }
            switch action {
            case .pull:
                if answer.status == 404 { notFound = true }
                if try allowed(answer, host: registry.apiAuthority, tolerating: [404]) { granted.append(.pull) }
            case .push:
                if try allowed(answer, host: registry.apiAuthority, tolerating: [404]) {
                    granted.append(.push)
                    cancelUpload(
                        answer, uploadURL: base + "/blobs/uploads/", registry: registry, plainHTTP: plainHTTP,
                        authorization: authorization)
                }
            }
        }
        return AccessReport(request: request, granted: granted, repositoryNotFound: notFound)
    }

    /// The Bearer challenge of a 401, when it has one with a realm.
    private static func bearerChallenge(in answer: HTTPResponse) -> AuthChallenge? {
        guard let challenges = try? ChallengeParser.parse(headerValues: answer.values(of: "WWW-Authenticate")),
            let challenge = AuthChallenge.select(from: challenges), case .bearer = challenge
        else { return nil }
        return challenge
    }

    /// The actions the token's `access` claim grants on `repository`; nil when the token is not a JWT with one.
    static func grantedByClaim(_ token: String, repository: String) -> [RepositoryAction]? {
        guard case .array(let entries)? = JWT.claims(of: token)?["access"] else { return nil }
        var granted: [RepositoryAction] = []
        for entry in entries.compactMap(\.objectValue)
        where entry["type"]?.stringValue == "repository" && entry["name"]?.stringValue == repository {
            guard case .array(let actions)? = entry["actions"] else { continue }
            for action in actions.compactMap(\.stringValue) {
                if action == "*" { return RepositoryAction.allCases }
                if let known = RepositoryAction(rawValue: action), !granted.contains(known) { granted.append(known) }
            }
        }
        return granted
    }

    /// 2xx: allowed; 401/403 and the `tolerating` statuses: not; anything else is an error of the registry.
    private func allowed(_ answer: HTTPResponse, host: String, tolerating: Set<Int>) throws(LoginError) -> Bool {
        if (200..<300).contains(answer.status) { return true }
        if answer.status == 401 || answer.status == 403 || tolerating.contains(answer.status) { return false }
        throw .unexpectedStatus(host: host, status: answer.status, serverMessage: message(of: answer))
    }

    /// Cancels the upload a push probe started, so nothing is left behind. A `Location` on another origin is
    /// not followed: the credentials would go there. The push was granted either way, so a failed cancel does
    /// not fail the login (the registry purges abandoned uploads itself).
    private func cancelUpload(
        _ answer: HTTPResponse, uploadURL: String, registry: RegistryAddress, plainHTTP: Bool,
        authorization: HTTPAuthorization?
    ) {
        guard let location = answer.values(of: "Location").first, !location.isEmpty else { return }
        let origin = URLParts(registry.apiURL(plainHTTP: plainHTTP))?.origin ?? ""
        let url: String
        if location.hasPrefix("/") {
            url = origin + location
        } else if location.contains("://") {
            url = location
        } else {
            url = uploadURL + location  // relative to the upload collection
        }
        guard URLParts(url)?.origin == origin else { return }
        _ = try? send(HTTPRequest(.delete, url: url, authorization: authorization), host: registry.apiAuthority)
    }
}
