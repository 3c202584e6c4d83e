import PolicyBase
import RegistryAuth

/// `--check-access REPO[:ACTIONS]`: a repository path without the registry, and `pull`, `push` or both
/// (default `pull`).
enum AccessArgument {
    static func parse(_ text: String) throws(InputError) -> AccessRequest {
        var repository = Substring(text)
        var actions: [RepositoryAction] = [.pull]
        if let colon = text.lastIndex(of: ":") {
            repository = text[..<colon]
            var named: [RepositoryAction] = []
            for word in text[text.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false) {
                guard let action = RepositoryAction(rawValue: String(word)) else {
                    throw .invalidAccess(OutsideText(text, .name))
                }
                if !named.contains(action) { named.append(action) }
            }
            actions = named.sorted()
        }
        guard isRepositoryName(repository) else { throw .invalidAccess(OutsideText(text, .name)) }
        // `ghcr.io/org/x`: a first component with a dot names a registry, as docker reads references.
        if let first = repository.split(separator: "/").first, repository.contains("/"), first.contains(".") {
            throw .invalidAccess(OutsideText(text, .name))
        }
        return AccessRequest(repository: String(repository), actions: actions)
    }

    /// Lower-case path components of letters, digits and `.`, `_`, `-`, joined by `/` (the distribution spec's
    /// name grammar, loosely): no registry host with a port, no tag, no empty component.
    private static func isRepositoryName(_ name: Substring) -> Bool {
        !name.isEmpty && name.utf8.count <= 255
            && name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
                !part.isEmpty
                    && part.utf8.allSatisfy { byte in
                        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                    }
            }
    }
}
