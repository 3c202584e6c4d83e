import Glibc
import PolicyBase
import RegistryAuth
import Testing

@testable import CredentialStore
@testable import PolicyCLI

/// What `policy login` stores is found by the tools that read it: the policy CLI (docker/cli's file store,
/// asked for the API host it talks to) and docker (Docker Hub only under `https://index.docker.io/v1/`).
/// Their lookups are modelled here from their documented behaviour (../shared/interop.md).
struct PeerLookupTests {
    static let hubSpellings = [
        "docker.io", "index.docker.io", "registry-1.docker.io", "https://index.docker.io/v1/",
        "https://registry-1.docker.io/v2/", "https://docker.io/"
    ]

    /// docker/cli's file store `Get(host)`: the exact key, else the first key whose host name (scheme and path
    /// stripped) equals `host`; only `Username` and `Password` (from `auth`) are used, as the policy CLI does.
    static func policyCLILookup(_ document: ConfigDocument, host: String) -> Credentials? {
        let auths = document.members["auths"]?.objectValue ?? [:]
        let key = auths[host] != nil ? host : auths.keys.sorted().first { hostName(of: $0) == host }
        guard let key, let auth = auths[key]?.objectValue?["auth"]?.stringValue, let bytes = Base64.decode(auth),
            let text = String(validating: bytes, as: UTF8.self), let colon = text.firstIndex(of: ":")
        else { return nil }
        return Credentials(username: String(text[..<colon]), secret: String(text[text.index(after: colon)...]))
    }

    static func hostName(of key: String) -> String {
        var rest = Substring(key)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { $0 != "/" })
    }

    func temporaryStorage(seed: String) throws -> CredentialStorage {
        var template = Array("/tmp/policy-peer-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let fd = open(directory + "/config.json", O_WRONLY | O_CREAT, 0o600)
        _ = seed.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        return CredentialStorage(configDirectory: directory)
    }

    static let olderEntries =
        #"{"auths": {"docker.io": {"auth": "b2xkOm9sZA=="}, "index.docker.io": {"auth": "b2xkOm9sZA=="}, "ghcr.io": {"auth": "Z2g6Z2g="}}, "other": 1}"#

    @Test(arguments: hubSpellings)
    func dockerHubIsStoredUnderTheKeysItsReadersUse(_ spelling: String) throws {
        let storage = try temporaryStorage(seed: Self.olderEntries)
        let server = try RegistryAddress(parsing: spelling)
        let credentials = Credentials(username: "demo", secret: "pw-hub")
        try storage.save(credentials, under: server.storage)
        let document = try storage.file.read()
        let keys = document.members["auths"]?.objectValue?.keys.sorted()
        #expect(keys == ["ghcr.io", "https://index.docker.io/v1/", "registry-1.docker.io"])
        #expect(document.members["other"] == .number("1"))
        // The policy CLI asks for the API host; docker, oras and crane for docker's key.
        #expect(Self.policyCLILookup(document, host: "registry-1.docker.io") == credentials)
        #expect(document.storedCredentials(for: "https://index.docker.io/v1/") == credentials)
        // Every spelling finds them again, and logout under any spelling removes both keys.
        for other in Self.hubSpellings {
            #expect(try storage.lookup(RegistryAddress(parsing: other).storage)?.credentials == credentials)
        }
        #expect(try storage.remove(RegistryAddress(parsing: "docker.io").storage))
        #expect(try storage.file.read().members["auths"]?.objectValue?.keys.sorted() == ["ghcr.io"])
    }

    /// Entries other tools wrote with a scheme or a path are found, and replaced by the plain key on login.
    @Test(arguments: ["https://ghcr.io", "ghcr.io/v2/", "https://ghcr.io/v2/", "GHCR.IO"])
    func entriesOtherToolsWroteAreFoundAndReplaced(_ storedKey: String) throws {
        let storage = try temporaryStorage(seed: #"{"auths": {"\#(storedKey)": {"auth": "b2xkOm9sZA=="}}}"#)
        let server = try RegistryAddress(parsing: "ghcr.io")
        #expect(
            try storage.lookup(server.storage)
                == StoredLogin(
                    key: storedKey, credentials: Credentials(username: "old", secret: "old"),
                    choice: .file))
        try storage.save(Credentials(username: "new", secret: "pw"), under: server.storage)
        #expect(try storage.file.read().members["auths"]?.objectValue?.keys.sorted() == ["ghcr.io"])
        #expect(
            Self.policyCLILookup(try storage.file.read(), host: "ghcr.io") == Credentials(username: "new", secret: "pw")
        )
    }

    @Test func theModelOfThePolicyCLIMatchesByHostName() {
        let document = ConfigDocument(
            path: "config.json",
            members: [
                "auths": .object([
                    "https://index.docker.io/v1/": .object(["auth": .string(Base64.encode(Array("a:1".utf8)))]),
                    "https://quay.io/v2/": .object(["auth": .string(Base64.encode(Array("b:2".utf8)))])
                ])
            ])
        #expect(Self.policyCLILookup(document, host: "registry-1.docker.io") == nil)
        #expect(Self.policyCLILookup(document, host: "index.docker.io") == Credentials(username: "a", secret: "1"))
        #expect(Self.policyCLILookup(document, host: "quay.io") == Credentials(username: "b", secret: "2"))
    }
}
