import Foundation

/// `Tests/Fixtures/aws_fixture.py` inside a `NetworkSandbox`: ECR (JSON 1.1), ECR Public, STS, the container
/// endpoint and IMDSv2 on one loopback port, checking every signature with botocore. Stopped on `stop()` or
/// release, and by itself when the test process is gone.
final class AWSFixture {
    /// One access key the fixture knows.
    struct Key {
        var id: String
        var secret: String
        var token: String? = nil
        /// Refuse with ExpiredTokenException, AccessDeniedException, ThrottlingException.
        var expired = false
        var deny = false
        var throttle = false
    }

    /// One request the fixture received.
    struct Request: Decodable, Equatable {
        var api: String?
        var method: String
        var path: String
        /// The access key id the request was signed with.
        var key: String?
        /// `valid`, `invalid`, or nil when it was refused before the signature was checked (or unsigned).
        var signature: String?
        var error: String?
        var status: Int?
        var roleARN: String?

        enum CodingKeys: String, CodingKey {
            case api, method, path, key, signature, error, status
            case roleARN = "role_arn"
        }
    }

    let directory: TemporaryDirectory
    let port: Int
    private let process: FixtureProcess

    /// The fixture's base URL, for every endpoint variable.
    var url: String { "http://127.0.0.1:\(port)" }

    /// - Parameters:
    ///   - password: what `GetAuthorizationToken` hands out (ECR and ECR Public).
    ///   - extra: further config.json entries (`web_identity`, `container`, `imds`, `clock_offset`).
    init(
        in sandbox: NetworkSandbox, region: String = "eu-west-1", password: String, keys: [Key],
        extra: [String: Any] = [:]
    ) throws {
        directory = try TemporaryDirectory()
        var config: [String: Any] = [
            "region": region, "password": password, "expires_at": Date().timeIntervalSince1970 + 43_200,
            "proxy_endpoint": "https://123456789012.dkr.ecr.\(region).amazonaws.com"
        ]
        config["keys"] = Dictionary(
            uniqueKeysWithValues: keys.map { key in
                (
                    key.id,
                    [
                        "secret": key.secret, "token": key.token ?? NSNull(), "expired": key.expired, "deny": key.deny,
                        "throttle": key.throttle
                    ] as [String: Any]
                )
            })
        config.merge(extra) { $1 }
        try directory.write(
            "config.json", String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self))
        let script = Paths.fixtures.appendingPathComponent("aws_fixture.py").path
        // Debian's python3, where python3-botocore (make deps) is installed.
        process = try FixtureProcess(
            sandbox.enter[0], Array(sandbox.enter.dropFirst()) + ["/usr/bin/python3", script, directory.path],
            lifeline: true, stdout: directory.file("stdout.log"), stderr: directory.file("stderr.log"))
        guard let port = Int(try process.waitForFile(directory.file("port"), describing: "aws_fixture.py")) else {
            process.stop()
            throw FixtureError.startFailed("aws_fixture.py wrote no port")
        }
        self.port = port
    }

    /// Every request so far (none when the log was never written).
    func requests() throws -> [Request] {
        guard let text = try? String(contentsOfFile: directory.file("requests.log"), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    func stop() { process.stop() }

    deinit { stop() }
}
