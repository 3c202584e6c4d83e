/// How the transport reaches servers: trust, client identity, limits.
public struct TransportOptions: Sendable, Equatable {
    /// Skip verification of the server certificate and host name (`-k`).
    public var insecure: Bool = false
    /// PEM file of extra trusted certificate authorities (`--ca-file`).
    public var caFile: String?
    /// The system's certificate authorities; nil: located from this process's environment when the transport is made.
    public var systemTrust: SystemTrust?
    /// The registry's own certificate authorities (docker's certs.d), trusted on top of the others.
    public var registryCertificates = DockerCertificates(files: [], pem: [])
    /// PEM client certificate and key for mutual TLS (`--cert-file`, `--key-file`).
    public var certFile: String?
    public var keyFile: String?
    /// Bound on each request, connection included, in seconds.
    public var timeoutSeconds: Int = 30
    /// Largest response body read before the request is abandoned.
    public var maxBodyBytes: Int = 1 << 20
    /// Largest total of response header bytes read before the request is abandoned.
    public var maxHeaderBytes: Int = 64 << 10
    /// Sent as `User-Agent`.
    public var userAgent: String = "policy"

    public init() {}
}
