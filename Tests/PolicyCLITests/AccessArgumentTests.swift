import PolicyBase
import RegistryAuth
import Testing

@testable import PolicyCLI

/// `--check-access REPO[:ACTIONS]`: a repository path without the registry, and `pull`, `push` or both
/// (default `pull`), sorted and without repeats; anything else is a usage error that quotes the argument.
struct AccessArgumentTests {
    struct GoodRow: Sendable, CustomTestStringConvertible {
        var text: String
        var repository: String
        var actions: [RepositoryAction]
        var testDescription: String { text }
    }

    static let good: [GoodRow] = [
        GoodRow(text: "org/policy", repository: "org/policy", actions: [.pull]),
        GoodRow(text: "org/policy:pull", repository: "org/policy", actions: [.pull]),
        GoodRow(text: "org/policy:push", repository: "org/policy", actions: [.push]),
        GoodRow(text: "org/policy:pull,push", repository: "org/policy", actions: [.pull, .push]),
        GoodRow(text: "org/policy:push,pull", repository: "org/policy", actions: [.pull, .push]),
        GoodRow(text: "org/policy:pull,pull", repository: "org/policy", actions: [.pull]),
        GoodRow(text: "org/policy:push,pull,push", repository: "org/policy", actions: [.pull, .push]),
        GoodRow(text: "policy", repository: "policy", actions: [.pull]),
        GoodRow(text: "library/ubuntu:pull", repository: "library/ubuntu", actions: [.pull]),
        GoodRow(text: "group/sub/group/image:push", repository: "group/sub/group/image", actions: [.push]),
        GoodRow(text: "my-org/my_repo.v2", repository: "my-org/my_repo.v2", actions: [.pull]),
        GoodRow(text: "123456789012/team-a", repository: "123456789012/team-a", actions: [.pull]),
        GoodRow(
            text: String(repeating: "a", count: 255), repository: String(repeating: "a", count: 255), actions: [.pull])
    ]

    @Test(arguments: good)
    func parses(_ row: GoodRow) throws {
        #expect(try AccessArgument.parse(row.text) == AccessRequest(repository: row.repository, actions: row.actions))
    }

    static let bad: [String] = [
        "",
        ":",
        ":pull",
        "Org/Policy",
        "org/Policy:pull",
        "org/policy:PULL",
        "org/policy:latest",
        "org/policy:v1:pull",
        "org/policy@sha256:0123abcd",
        "ghcr.io:443/x",
        "ghcr.io/org/x",
        "registry.example/org/x:push",
        "ghcr.io:443/x:pull",
        "org/policy/",
        "/org/policy",
        "org//policy",
        "org/x:delete",
        "org/x:*",
        "org/x:",
        "org/x:pull,",
        "org/x:,push",
        "org/x:pull push",
        "org/x: pull",
        "org x",
        "org/x\n",
        "org/ümlaut",
        String(repeating: "a", count: 256)
    ]

    @Test(arguments: bad)
    func rejects(_ text: String) {
        #expect(throws: InputError.invalidAccess(OutsideText(text, .name))) { try AccessArgument.parse(text) }
    }
}
