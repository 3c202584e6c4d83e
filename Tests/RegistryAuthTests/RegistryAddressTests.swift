import Testing

@testable import RegistryAuth

struct RegistryAddressTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var input: String
        var key: String
        var api: String
        var plain: Bool = false
        var loopback: Bool = false
        var testDescription: String { input }
    }

    static let good: [Row] = [
        Row(input: "ghcr.io", key: "ghcr.io", api: "ghcr.io"),
        Row(input: "GHCR.IO", key: "ghcr.io", api: "ghcr.io"),
        Row(input: "https://ghcr.io", key: "ghcr.io", api: "ghcr.io"),
        Row(input: "https://ghcr.io/", key: "ghcr.io", api: "ghcr.io"),
        Row(input: "https://ghcr.io/v2/", key: "ghcr.io", api: "ghcr.io"),
        Row(input: "ghcr.io/v2", key: "ghcr.io", api: "ghcr.io"),
        Row(input: "  opcr.io ", key: "opcr.io", api: "opcr.io"),
        Row(input: "docker.io", key: "docker.io", api: "registry-1.docker.io"),
        Row(input: "https://index.docker.io/v1/", key: "docker.io", api: "registry-1.docker.io"),
        Row(input: "registry-1.docker.io", key: "docker.io", api: "registry-1.docker.io"),
        Row(input: "index.docker.io", key: "docker.io", api: "registry-1.docker.io"),
        Row(input: "https://registry-1.docker.io/v2/", key: "docker.io", api: "registry-1.docker.io"),
        Row(input: "Docker.IO/", key: "docker.io", api: "registry-1.docker.io"),
        Row(input: "docker.io:5000", key: "docker.io:5000", api: "docker.io:5000"),
        Row(
            input: "123456789012.dkr.ecr.eu-west-1.amazonaws.com", key: "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
            api: "123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
        Row(input: "localhost:5000", key: "localhost:5000", api: "localhost:5000", loopback: true),
        Row(input: "http://127.0.0.1:5000", key: "127.0.0.1:5000", api: "127.0.0.1:5000", plain: true, loopback: true),
        Row(input: "127.1.2.3", key: "127.1.2.3", api: "127.1.2.3", loopback: true),
        Row(input: "[::1]:5000", key: "[::1]:5000", api: "[::1]:5000", loopback: true),
        Row(input: "[2001:db8::1]", key: "[2001:db8::1]", api: "[2001:db8::1]"),
        Row(input: "128.0.0.1", key: "128.0.0.1", api: "128.0.0.1")
    ]

    @Test(arguments: good)
    func normalises(_ row: Row) throws {
        let address = try RegistryAddress(parsing: row.input)
        #expect(address.key == row.key)
        #expect(address.apiAuthority == row.api)
        #expect(address.explicitPlainHTTP == row.plain)
        #expect(address.isLoopback == row.loopback)
    }

    static let bad: [(String, RegistryAddressError)] = [
        ("", .empty),
        ("   ", .empty),
        ("ftp://host", .unsupportedScheme("ftp")),
        ("ghcr.io/org/image", .hasPath("/org/image")),
        ("host:0", .invalidPort("0")),
        ("host:70000", .invalidPort("70000")),
        ("host:abc", .invalidPort("abc")),
        ("host:", .invalidPort("")),
        ("user@host", .invalidHost("user@host")),
        ("ho st", .invalidHost("ho st")),
        ("[::1", .invalidHost("[::1")),
        ("-bad.example", .invalidHost("-bad.example")),
        ("https://", .invalidHost(""))
    ]

    @Test(arguments: bad)
    func rejects(_ input: String, _ expected: RegistryAddressError) {
        #expect(throws: expected) { try RegistryAddress(parsing: input) }
    }

    /// Every spelling of Docker Hub is stored under docker's key and the API host; everything else under its own.
    @Test(arguments: [
        "docker.io", "index.docker.io", "registry-1.docker.io", "https://index.docker.io/v1/",
        "https://registry-1.docker.io/v2/", "http://docker.io"
    ])
    func dockerHubHasTwoStorageKeys(_ spelling: String) throws {
        let address = try RegistryAddress(parsing: spelling)
        #expect(address.isDockerHub)
        #expect(address.storageKeys == ["https://index.docker.io/v1/", "registry-1.docker.io"])
    }

    @Test func otherRegistriesHaveOneStorageKey() throws {
        #expect(try RegistryAddress(parsing: "https://ghcr.io/v2/").storageKeys == ["ghcr.io"])
        #expect(try RegistryAddress(parsing: "localhost:5000").storageKeys == ["localhost:5000"])
        #expect(try !RegistryAddress(parsing: "docker.io:5000").isDockerHub)
    }

    /// Keys other tools (or older versions of policy) wrote, and whether they name the registry.
    @Test(arguments: [
        ("docker.io", "https://index.docker.io/v1/", true), ("docker.io", "index.docker.io", true),
        ("docker.io", "docker.io", true), ("docker.io", "registry-1.docker.io", true),
        ("docker.io", "https://registry-1.docker.io/v2/", true), ("docker.io", "ghcr.io", false),
        ("docker.io", "docker.io:5000", false), ("ghcr.io", "https://ghcr.io", true), ("ghcr.io", "ghcr.io/v2/", true),
        ("ghcr.io", "GHCR.io", true), ("ghcr.io", "http://ghcr.io/", true), ("ghcr.io", "ghcr.io:443", false),
        ("ghcr.io", "ghcr.io.evil", false), ("ghcr.io", "https://index.docker.io/v1/", false),
        ("localhost:5000", "http://localhost:5000/v2/", true), ("localhost:5000", "localhost", false),
        // Namespaced keys (containers-auth.json) are other logins, never aliases to replace.
        ("quay.io", "quay.io/org", false), ("quay.io", "https://quay.io/org/repo", false),
        ("docker.io", "docker.io/library", false),
        ("quay.io", "quay.io/v1", true)
    ])
    func matchesStoredKeys(_ server: String, _ storedKey: String, _ expected: Bool) throws {
        #expect(try RegistryAddress(parsing: server).matches(storedKey: storedKey) == expected)
    }

    @Test func buildsTheAPIURL() throws {
        let address = try RegistryAddress(parsing: "docker.io")
        #expect(address.apiURL(plainHTTP: false) == "https://registry-1.docker.io/v2/")
        #expect(address.apiURL(plainHTTP: true) == "http://registry-1.docker.io/v2/")
    }
}
