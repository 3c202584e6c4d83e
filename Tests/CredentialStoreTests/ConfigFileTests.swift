import Foundation
import PolicyBase
import Testing

@testable import CredentialStore

struct ConfigFileTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policy-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func login(_ file: ConfigFile, _ server: String = "ghcr.io") throws {
        try file.update { (document) throws(StoreError) in
            try document.setBasicAuth(server: server, username: "me", secret: Array("pw".utf8))
        }
    }

    @Test func createsA0600FileInA0700Directory() throws {
        let root = try temporaryDirectory()
        let file = ConfigFile(directory: root.appendingPathComponent("nested/.policy").path)
        try login(file)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: file.directory)[.posixPermissions] as? Int == 0o700)
        #expect(try file.read().authEntry(for: "ghcr.io")?["auth"] == .string("bWU6cHc="))
    }

    @Test func keepsUnknownKeysAtEveryLevel() throws {
        let root = try temporaryDirectory()
        let file = ConfigFile(directory: root.path)
        try Data(
            #"{"auths":{"ghcr.io":{"auth":"old","email":"x@y","identitytoken":"stale","password":"oldplain"},"other":{"auth":"o"}},"credHelpers":{},"z":1.0}"#
                .utf8
        )
        .write(to: URL(fileURLWithPath: file.path))
        try login(file)
        let document = try file.read()
        // Unknown keys stay; stale credential keys go (an identitytoken would override the new auth).
        #expect(document.authEntry(for: "ghcr.io") == ["auth": .string("bWU6cHc="), "email": .string("x@y")])
        #expect(document.authEntry(for: "other") == ["auth": .string("o")])
        #expect(document.members["z"] == .number("1.0"))
        #expect(document.members["credHelpers"] == .object([:]))
    }

    @Test func keepsTheModeOfAnExistingFile() throws {
        let root = try temporaryDirectory()
        let file = ConfigFile(directory: root.path)
        _ = FileManager.default.createFile(
            atPath: file.path, contents: Data("{}".utf8), attributes: [.posixPermissions: 0o640])
        try login(file)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o640)
    }

    @Test func aSymlinkedConfigStaysASymlink() throws {
        let root = try temporaryDirectory()
        let target = root.appendingPathComponent("dotfiles/policy-config.json")
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: target)
        let file = ConfigFile(directory: root.appendingPathComponent("home").path)
        try FileManager.default.createDirectory(atPath: file.directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: file.path, withDestinationPath: "../dotfiles/policy-config.json")
        try login(file)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: file.path) == "../dotfiles/policy-config.json")
        let content = try JSONParser.parse(Array(Data(contentsOf: target)))
        #expect(content.objectValue?["auths"] != nil)
    }

    @Test(arguments: ["", "  \n"])
    func anEmptyFileCountsAsEmptyObject(_ content: String) throws {
        let root = try temporaryDirectory()
        let file = ConfigFile(directory: root.path)
        try Data(content.utf8).write(to: URL(fileURLWithPath: file.path))
        try login(file)
        #expect(try file.read().authEntry(for: "ghcr.io") != nil)
    }

    @Test(arguments: ["{\"auths\": {", "[1,2]", "garbage", "\"text\"", #"{"auths": []}"#])
    func aCorruptFileIsAnErrorAndStaysUntouched(_ content: String) throws {
        let root = try temporaryDirectory()
        let file = ConfigFile(directory: root.path)
        try Data(content.utf8).write(to: URL(fileURLWithPath: file.path))
        #expect(throws: StoreError.self) { try login(file) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(content.utf8))
    }

    @Test func noChangeMeansNoWrite() throws {
        let root = try temporaryDirectory()
        let file = ConfigFile(directory: root.path)
        let original = Data(#"{"auths":{}}"#.utf8)
        try original.write(to: URL(fileURLWithPath: file.path))
        try file.update { (_: inout ConfigDocument) throws(StoreError) in }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == original)
    }
}
