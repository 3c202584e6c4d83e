import Foundation
import Testing

/// What `policy login` stores is used by a real consumer: skopeo (containers/image) pushes an image with
/// policy's config.json as its auth file, and is refused without it.
@Suite(.enabled(if: Tools.available("docker-registry", "htpasswd", "skopeo", "python3")))
struct ConsumerTests {
    @Test(arguments: [RegistryFixture.Mode.token, .basic])
    func skopeoPushesWithWhatPolicyStored(_ mode: RegistryFixture.Mode) throws {
        let registry = try RegistryFixture(mode, user: "demo", password: "pw-consumer")
        let home = try TemporaryDirectory()
        try logIn(registry.server, user: "demo", password: "pw-consumer\n", home: home, reach: .caFile(registry.caFile))
        let work = try TemporaryDirectory()
        let image = try OCIImage(in: work)
        try FileManager.default.createDirectory(atPath: work.file("certs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: registry.caFile, toPath: work.file("certs/ca.crt"))
        let emptyAuth = try work.write("empty.json", "{}")
        let refused = try Skopeo.copy(
            image, to: "\(registry.server)/policy/consumer:v1", authFile: emptyAuth, certs: work.file("certs"))
        #expect(refused.exitCode != 0, "pushed without credentials: the registry does not check them")
        let pushed = try Skopeo.copy(
            image, to: "\(registry.server)/policy/consumer:v1", authFile: home.file("config.json"),
            certs: work.file("certs"))
        #expect(pushed.exitCode == 0, "\(pushed.stderr)")
        let getLogin = try ProcessRunner.run(
            Skopeo.path, ["login", "--get-login", "--authfile", home.file("config.json"), registry.server])
        #expect(getLogin.stdout == "demo\n", "\(getLogin.stderr)")
    }
}

/// A one-layer OCI image layout written by `Tests/Fixtures/make_oci_image.py`.
struct OCIImage {
    let reference: String

    init(in directory: TemporaryDirectory) throws {
        let script = Paths.fixtures.appendingPathComponent("make_oci_image.py").path
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", script, directory.file("image"), "v1"])
        guard made.exitCode == 0 else { throw FixtureError.startFailed("make_oci_image.py: \(made.stderr)") }
        reference = "oci:\(directory.file("image")):v1"
    }
}

enum Skopeo {
    static let path = "/usr/bin/skopeo"

    static func copy(_ image: OCIImage, to destination: String, authFile: String, certs: String) throws -> ProcessResult
    {
        try ProcessRunner.run(
            path,
            [
                "copy", "--retry-times", "0", "--dest-authfile", authFile, "--dest-cert-dir", certs,
                image.reference, "docker://" + destination
            ], timeout: 120)
    }
}
