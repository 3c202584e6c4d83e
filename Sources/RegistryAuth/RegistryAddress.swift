import PolicyBase

/// Why a `--server` value is not a registry address.
public enum RegistryAddressError: Error, Sendable, Equatable {
    case empty
    case unsupportedScheme(OutsideText)
    case hasPath(OutsideText)
    case invalidHost(String)
    case invalidPort(OutsideText)
}

/// A registry as the user named it, normalised: `https://ghcr.io/v2/` → `ghcr.io`; every spelling of Docker Hub
/// (`docker.io`, `index.docker.io`, `registry-1.docker.io`, `https://index.docker.io/v1/`) → `docker.io`.
public struct RegistryAddress: Sendable, Equatable, CustomStringConvertible {
    /// `host[:port]`, lower-cased; `docker.io` for Docker Hub. How messages and the default domain name it.
    public let key: String
    /// True for Docker Hub under any of its names.
    public let isDockerHub: Bool
    /// The host the registry API answers on (`docker.io` → `registry-1.docker.io`), with port.
    public let apiAuthority: String
    /// True when the user wrote `http://` explicitly; never for a stored key (see `init(storedKey:)`).
    public private(set) var explicitPlainHTTP: Bool
    /// localhost, 127.0.0.0/8 or ::1.
    public let isLoopback: Bool

    public var description: String { key }

    /// Parses `[scheme://]host[:port][/][v2/]`.
    public init(parsing input: String) throws(RegistryAddressError) {
        var rest = Substring(input.trimmingHTTPWhitespace())
        guard !rest.isEmpty else { throw .empty }
        var plain = false
        if let schemeEnd = rest.firstRange(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "https" || scheme == "http" else { throw .unsupportedScheme(OutsideText(scheme, .word)) }
            plain = scheme == "http"
            rest = rest[schemeEnd.upperBound...]
        }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            let path = rest[slash...]
            guard Self.apiPaths.contains(path) else { throw .hasPath(OutsideText(path, .name)) }
        }
        let (host, port) = try Self.split(authority)
        let canonicalHost = host.lowercased()
        let portSuffix = port.map { ":\($0)" } ?? ""
        isDockerHub = port == nil && Self.dockerHubHosts.contains(canonicalHost)
        key = isDockerHub ? "docker.io" : canonicalHost + portSuffix
        explicitPlainHTTP = plain
        isLoopback = Self.isLoopback(canonicalHost)
        apiAuthority = isDockerHub ? Self.dockerHubAPIHost : canonicalHost + portSuffix
    }

    /// The registry a stored key (a config.json `auths` key, a helper's ServerURL, the remembered default
    /// domain) names. Its scheme is a spelling, never a transport choice: another tool's `http://host/` is
    /// reached over HTTPS like `host`, so a stored password never goes out unencrypted because of how a key
    /// was written. (Loopback hosts still fall back to HTTP when TLS itself fails, as for any login.)
    public init(storedKey: String) throws(RegistryAddressError) {
        try self.init(parsing: storedKey)
        explicitPlainHTTP = false
    }

    /// Docker Hub's names; the API answers on `registry-1.docker.io`.
    static let dockerHubHosts: Set<String> = ["docker.io", "index.docker.io", "registry-1.docker.io"]
    static let dockerHubAPIHost = "registry-1.docker.io"

    /// The `auths` keys (and helper ServerURLs) credentials are stored under. Docker Hub has two: docker's
    /// `https://index.docker.io/v1/`, which docker, oras, crane and podman read, and the API host
    /// `registry-1.docker.io`, which the policy CLI asks its store for. Every other registry: `host[:port]`.
    public var storageKeys: [String] {
        isDockerHub ? ["https://index.docker.io/v1/", Self.dockerHubAPIHost] : [key]
    }

    /// Whether a key that another tool (or an older policy) stored names this registry: the same `host[:port]`
    /// once a scheme and an API path (`/`, `/v1/`, `/v2/`) are dropped, as docker/cli matches them; any of
    /// The paths a server address may end with: none, or the API root of v1 or v2.
    private static let apiPaths: Set<Substring> = ["/", "/v1", "/v1/", "/v2", "/v2/"]

    /// Docker Hub's names for Docker Hub. A namespaced key (`quay.io/org`, containers-auth.json's per-repository
    /// credentials) is another login, not an alias.
    public func matches(storedKey: String) -> Bool {
        var rest = Substring(storedKey.trimmingHTTPWhitespace().lowercased())
        if let schemeEnd = rest.firstRange(of: "://") { rest = rest[schemeEnd.upperBound...] }
        if let slash = rest.firstIndex(of: "/") {
            guard Self.apiPaths.contains(rest[slash...]) else { return false }
            rest = rest[..<slash]
        }
        return isDockerHub ? Self.dockerHubHosts.contains(String(rest)) : rest == key
    }

    /// True for an AWS ECR private registry (`<account>.dkr.ecr.<region>.amazonaws.com`), whose hints and
    /// errors differ.
    public var isECR: Bool { key.contains(".dkr.ecr.") }

    /// The base URL of the API over the given scheme, e.g. `https://ghcr.io/v2/`.
    public func apiURL(plainHTTP: Bool) -> String {
        (plainHTTP ? "http://" : "https://") + apiAuthority + "/v2/"
    }

    private static func split(_ authority: Substring) throws(RegistryAddressError) -> (host: String, port: Int?) {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidHost(String(authority)) }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidHost(String(authority)) }
                portText = after.dropFirst()
            }
            let inner = host.dropFirst().dropLast()
            guard !inner.isEmpty, inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw .invalidHost(String(authority))
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            }
            guard !host.isEmpty,
                host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }),
                !host.hasPrefix("."), !host.hasPrefix("-")
            else { throw .invalidHost(String(authority)) }
        }
        guard let portText else { return (String(host), nil) }
        guard let port = Int(portText), (1...65535).contains(port), portText.allSatisfy(\.isASCII) else {
            throw .invalidPort(OutsideText(portText, .word))
        }
        return (String(host), port)
    }

    private static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
