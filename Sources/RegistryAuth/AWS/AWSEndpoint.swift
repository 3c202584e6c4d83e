/// Where a request goes: the SDKs' default endpoint, or the override they honour. `AWS_ENDPOINT_URL_<SERVICE>`
/// beats `AWS_ENDPOINT_URL`; `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` disables both. The tests reach their
/// fixtures this way.
public struct AWSEndpoint: Sendable, Equatable {
    /// The URL requests are sent to, ending in `/` (the path signed requests use).
    public var url: String
    /// The variable that set it, or nil for the default.
    public var variable: String?

    public init(url: String, variable: String?) {
        self.url = url
        self.variable = variable
    }

    /// An override that is not an http(s) URL.
    public struct InvalidOverride: Error, Sendable, Equatable {
        public var variable: String
        public var value: String
    }

    /// The endpoint of `service`, `defaultURL` unless the environment overrides it.
    public static func resolve(
        _ service: AWSService, defaultURL: String,
        environment: [String: String]
    ) throws(InvalidOverride) -> AWSEndpoint {
        if environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true" {
            return AWSEndpoint(url: defaultURL, variable: nil)
        }
        for variable in [service.endpointVariable, "AWS_ENDPOINT_URL"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return AWSEndpoint(url: try normalized(value, variable: variable), variable: variable)
        }
        return AWSEndpoint(url: defaultURL, variable: nil)
    }

    /// The instance metadata service: `AWS_EC2_METADATA_SERVICE_ENDPOINT` (http:// or https://), else the
    /// IPv4 or (with `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`) IPv6 link-local address.
    public static func instanceMetadata(environment: [String: String]) throws(InvalidOverride) -> AWSEndpoint {
        let variable = "AWS_EC2_METADATA_SERVICE_ENDPOINT"
        if let value = environment[variable], !value.isEmpty {
            return AWSEndpoint(url: try normalized(value, variable: variable), variable: variable)
        }
        let ipv6 = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]?.lowercased() == "ipv6"
        return AWSEndpoint(url: ipv6 ? "http://[fd00:ec2::254]/" : "http://169.254.169.254/", variable: nil)
    }

    /// `url` with exactly one trailing `/`, once it is known to be an http(s) URL.
    private static func normalized(_ value: String, variable: String) throws(InvalidOverride) -> String {
        guard URLParts(value) != nil else { throw InvalidOverride(variable: variable, value: value) }
        var url = Substring(value)
        while url.hasSuffix("/") { url = url.dropLast() }
        return url + "/"
    }
}
