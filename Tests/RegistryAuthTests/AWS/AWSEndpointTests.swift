import Testing

@testable import RegistryAuth

/// The SDKs' endpoint overrides.
struct AWSEndpointTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var service: AWSService
        var environment: [String: String]
        var url: String?
        var variable: String?
        var testDescription: String { name }
    }

    static let defaultURL = "https://api.ecr.eu-west-1.amazonaws.com/"

    static let rows: [Row] = [
        Row(name: "no override", service: .ecr, environment: [:], url: defaultURL, variable: nil),
        Row(
            name: "the service's own variable", service: .ecr,
            environment: ["AWS_ENDPOINT_URL_ECR": "http://127.0.0.1:9000"],
            url: "http://127.0.0.1:9000/", variable: "AWS_ENDPOINT_URL_ECR"),
        Row(
            name: "the service's own beats the global one", service: .ecr,
            environment: ["AWS_ENDPOINT_URL": "https://global.example/", "AWS_ENDPOINT_URL_ECR": "https://ecr.example"],
            url: "https://ecr.example/", variable: "AWS_ENDPOINT_URL_ECR"),
        Row(
            name: "the global one", service: .sts, environment: ["AWS_ENDPOINT_URL": "https://global.example//"],
            url: "https://global.example/", variable: "AWS_ENDPOINT_URL"),
        Row(
            name: "another service's variable is not ours", service: .ecrPublic,
            environment: ["AWS_ENDPOINT_URL_ECR": "https://ecr.example"], url: defaultURL, variable: nil),
        Row(
            name: "ECR Public's own (service id 'ECR PUBLIC')", service: .ecrPublic,
            environment: ["AWS_ENDPOINT_URL_ECR_PUBLIC": "https://public.example"], url: "https://public.example/",
            variable: "AWS_ENDPOINT_URL_ECR_PUBLIC"),
        Row(
            name: "an empty variable is unset", service: .ecr, environment: ["AWS_ENDPOINT_URL_ECR": ""],
            url: defaultURL, variable: nil),
        Row(
            name: "ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true", service: .ecr,
            environment: ["AWS_ENDPOINT_URL_ECR": "https://ecr.example", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE"],
            url: defaultURL, variable: nil),
        Row(
            name: "not an http(s) URL", service: .ecr, environment: ["AWS_ENDPOINT_URL_ECR": "ftp://ecr.example"],
            url: nil,
            variable: "AWS_ENDPOINT_URL_ECR"),
        Row(
            name: "no scheme", service: .sts, environment: ["AWS_ENDPOINT_URL": "sts.example"], url: nil,
            variable: "AWS_ENDPOINT_URL")
    ]

    @Test(arguments: rows)
    func resolves(_ row: Row) {
        let result = Result { () throws(AWSEndpoint.InvalidOverride) in
            try AWSEndpoint.resolve(row.service, defaultURL: Self.defaultURL, environment: row.environment)
        }
        switch result {
        case .success(let endpoint):
            #expect(endpoint.url == row.url)
            #expect(endpoint.variable == row.variable)
        case .failure(let error):
            #expect(row.url == nil)
            #expect(error.variable == row.variable)
        }
    }

    @Test(
        arguments: [
            ([:], "http://169.254.169.254/"),
            (["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"], "http://[fd00:ec2::254]/"),
            (["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:8080"], "http://127.0.0.1:8080/"),
            (["AWS_EC2_METADATA_SERVICE_ENDPOINT": "https://imds.example/"], "https://imds.example/")
        ] as [([String: String], String)])
    func instanceMetadata(_ environment: [String: String], _ url: String) throws {
        #expect(try AWSEndpoint.instanceMetadata(environment: environment).url == url)
    }

    /// What the SDKs allow for `AWS_CONTAINER_CREDENTIALS_FULL_URI`.
    @Test(arguments: [
        ("https://creds.example/v1", true), ("http://127.0.0.1:51679/creds", true), ("http://127.2.3.4/creds", true),
        ("http://localhost/creds", true), ("http://[::1]:80/creds", true),
        ("http://169.254.170.2/v2/credentials", true),
        ("http://169.254.170.23/v1/credentials", true), ("http://[fd00:ec2::23]/v1/credentials", true),
        ("http://169.254.169.254/creds", false), ("http://creds.example/v1", false), ("http://10.0.0.1/creds", false),
        ("file:///etc/passwd", false), ("http://127.0.0.1.example/creds", false)
    ])
    func containerURL(_ url: String, _ allowed: Bool) {
        #expect(AWSClient.isAllowedContainerURL(url) == allowed)
    }
}
