import Testing

@testable import RegistryAuth

/// Which hosts are ECR, and where their API answers.
struct ECRRegistryTests {
    struct Row: Sendable, CustomTestStringConvertible {
        /// The peer's input (`serverURL`), kept for the record.
        var peerInput: String
        /// What policy receives for it: `RegistryAddress` has already taken off a scheme (and refuses a
        /// repository path, which the helper ignores).
        var host: String
        var account: String?
        var region: String?
        var fips = false
        var isPublic = false
        var testDescription: String { peerInput }
    }

    /// amazon-ecr-credential-helper, `ecr-login/api/client_test.go`, `TestExtractRegistry`: every case, as
    /// policy sees its host.
    static let credentialHelperCases: [Row] = [
        Row(
            peerInput: "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/blah/blah",
            host: "123456789012.dkr.ecr.us-east-1.amazonaws.com", account: "123456789012", region: "us-east-1"),
        Row(
            peerInput: "123456789012.dkr.ecr.us-west-2.amazonaws.com",
            host: "123456789012.dkr.ecr.us-west-2.amazonaws.com",
            account: "123456789012", region: "us-west-2"),
        Row(
            peerInput: "123456789012.dkr-ecr.us-west-2.on.aws", host: "123456789012.dkr-ecr.us-west-2.on.aws",
            account: "123456789012", region: "us-west-2"),
        Row(
            peerInput: "210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn/foo",
            host: "210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn",
            account: "210987654321", region: "cn-north-1"),
        Row(
            peerInput: "210987654321.dkr.ecr.us-iso-east-1.c2s.ic.gov",
            host: "210987654321.dkr.ecr.us-iso-east-1.c2s.ic.gov",
            account: "210987654321", region: "us-iso-east-1"),
        Row(
            peerInput: "123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov",
            host: "123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov",
            account: "123456789012", region: "us-isob-east-1"),
        Row(
            peerInput: "123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk",
            host: "123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk",
            account: "123456789012", region: "eu-isoe-west-1"),
        Row(
            peerInput: "123456789012.dkr.ecr.us-isof-east-1.csp.hci.ic.gov",
            host: "123456789012.dkr.ecr.us-isof-east-1.csp.hci.ic.gov",
            account: "123456789012", region: "us-isof-east-1"),
        Row(
            peerInput: "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com",
            host: "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com",
            account: "123456789012", region: "us-gov-west-1", fips: true),
        Row(peerInput: "https://public.ecr.aws", host: "public.ecr.aws", isPublic: true),
        Row(peerInput: "public.ecr.aws", host: "public.ecr.aws", isPublic: true),
        Row(peerInput: "https://public.ecr.aws/amazonlinux", host: "public.ecr.aws", isPublic: true),
        Row(peerInput: ".dkr.ecr.not-real.amazonaws.com", host: ".dkr.ecr.not-real.amazonaws.com"),
        Row(peerInput: "not.ecr.io", host: "not.ecr.io"),
        Row(
            peerInput: "https://123456789012.dkr.ecr.us-west-2.amazonaws.com.fake.example.com/image:latest",
            host: "123456789012.dkr.ecr.us-west-2.amazonaws.com.fake.example.com"),
        Row(
            peerInput: "123456789012.dkr.ecr.us-west-2.amazonaws.com.fake.example.com",
            host: "123456789012.dkr.ecr.us-west-2.amazonaws.com.fake.example.com"),
        Row(
            peerInput: "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com.fake.example.com",
            host: "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com.fake.example.com"),
        Row(
            peerInput: "210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn.fake.example.com.cn",
            host: "210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn.fake.example.com.cn"),
        Row(peerInput: "https://public.ecr.aws.fake.example.com", host: "public.ecr.aws.fake.example.com"),
        Row(peerInput: "public.ecr.aws.fake.example.com", host: "public.ecr.aws.fake.example.com")
    ]

    /// Policy's own rows: the other suffixes of the helper's pattern, a port, and what is not ECR.
    static let ownCases: [Row] = [
        Row(
            peerInput: "dual-stack FIPS", host: "123456789012.dkr-ecr-fips.us-east-1.on.aws", account: "123456789012",
            region: "us-east-1", fips: true),
        Row(
            peerInput: "dual-stack China", host: "123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn",
            account: "123456789012", region: "cn-north-1"),
        Row(
            peerInput: "European Sovereign Cloud", host: "123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu",
            account: "123456789012",
            region: "eusc-de-east-1"),
        Row(
            peerInput: "with a port", host: "123456789012.dkr.ecr.eu-west-1.amazonaws.com:443", account: "123456789012",
            region: "eu-west-1"),
        Row(
            peerInput: "upper case (RegistryAddress lower-cases first)",
            host: "123456789012.DKR.ECR.EU-WEST-1.AMAZONAWS.COM",
            account: "123456789012", region: "eu-west-1"),
        Row(peerInput: "ECR Public's other name", host: "ecr-public.aws.com", isPublic: true),
        Row(peerInput: "eleven digits", host: "12345678901.dkr.ecr.eu-west-1.amazonaws.com"),
        Row(peerInput: "thirteen digits", host: "1234567890123.dkr.ecr.eu-west-1.amazonaws.com"),
        Row(peerInput: "not a digit (Arabic-Indic)", host: "١٢٣٤٥٦٧٨٩٠١٢.dkr.ecr.eu-west-1.amazonaws.com"),
        Row(peerInput: "another service", host: "123456789012.dkr.ecs.eu-west-1.amazonaws.com"),
        Row(peerInput: "a region without the suffix", host: "123456789012.dkr.ecr.eu-west-1")
    ]

    @Test(arguments: credentialHelperCases + ownCases)
    func recognises(_ row: Row) {
        let registry = ECRRegistry(host: row.host)
        if row.isPublic {
            #expect(
                registry?.kind == .publicRegistry && registry?.region == "us-east-1" && registry?.service == .ecrPublic)
        } else if let account = row.account {
            #expect(registry?.kind == .privateRegistry(accountID: account))
            #expect(registry?.region == row.region)
            #expect(registry?.fips == row.fips)
            #expect(registry?.service == .ecr)
        } else {
            #expect(registry == nil)
        }
    }

    struct EndpointRow: Sendable, CustomTestStringConvertible {
        var host: String
        var endpoint: String
        var testDescription: String { host }
    }

    /// Each checked against botocore's endpoint rules (`create_client("ecr", region_name=…,
    /// config=Config(use_fips_endpoint=…, use_dualstack_endpoint=…)).meta.endpoint_url`).
    static let endpoints: [EndpointRow] = [
        EndpointRow(
            host: "123456789012.dkr.ecr.eu-west-1.amazonaws.com", endpoint: "https://api.ecr.eu-west-1.amazonaws.com/"),
        EndpointRow(
            host: "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com",
            endpoint: "https://ecr-fips.us-east-1.amazonaws.com/"),
        EndpointRow(
            host: "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com",
            endpoint: "https://ecr-fips.us-gov-west-1.amazonaws.com/"),
        EndpointRow(
            host: "123456789012.dkr.ecr.us-gov-west-1.amazonaws.com",
            endpoint: "https://api.ecr.us-gov-west-1.amazonaws.com/"),
        EndpointRow(
            host: "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn",
            endpoint: "https://api.ecr.cn-north-1.amazonaws.com.cn/"),
        EndpointRow(host: "123456789012.dkr-ecr.us-west-2.on.aws", endpoint: "https://ecr.us-west-2.api.aws/"),
        EndpointRow(
            host: "123456789012.dkr-ecr-fips.us-east-1.on.aws", endpoint: "https://ecr-fips.us-east-1.api.aws/"),
        EndpointRow(
            host: "123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn",
            endpoint: "https://ecr.cn-north-1.api.amazonwebservices.com.cn/"),
        EndpointRow(
            host: "123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov", endpoint: "https://api.ecr.us-iso-east-1.c2s.ic.gov/"
        ),
        EndpointRow(
            host: "123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov",
            endpoint: "https://api.ecr.us-isob-east-1.sc2s.sgov.gov/"),
        EndpointRow(
            host: "123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk",
            endpoint: "https://api.ecr.eu-isoe-west-1.cloud.adc-e.uk/"),
        EndpointRow(
            host: "123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov",
            endpoint: "https://api.ecr.us-isof-south-1.csp.hci.ic.gov/"),
        EndpointRow(
            host: "123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu",
            endpoint: "https://api.ecr.eusc-de-east-1.amazonaws.eu/"),
        EndpointRow(host: "public.ecr.aws", endpoint: "https://api.ecr-public.us-east-1.amazonaws.com/")
    ]

    @Test(arguments: endpoints)
    func apiEndpoint(_ row: EndpointRow) {
        #expect(ECRRegistry(host: row.host)?.apiEndpoint == row.endpoint)
    }

    /// STS's regional endpoints, also from botocore.
    @Test(arguments: [
        ("us-east-1", "https://sts.us-east-1.amazonaws.com/"), ("eu-west-1", "https://sts.eu-west-1.amazonaws.com/"),
        ("cn-north-1", "https://sts.cn-north-1.amazonaws.com.cn/"),
        ("us-iso-east-1", "https://sts.us-iso-east-1.c2s.ic.gov/")
    ])
    func stsEndpoint(_ region: String, _ endpoint: String) {
        #expect(AWSClient.stsEndpoint(region: region) == endpoint)
    }
}
