/// `<config dir>/default-domain.cfg`: the server `policy login -d` remembered, the file alone holding it, as the
/// policy CLI keeps it.
public struct DefaultDomainFile: Sendable {
    public let directory: String
    public var path: String { directory + "/default-domain.cfg" }

    public init(directory: String) {
        self.directory = directory
    }

    /// The remembered server, without the white space around it (a final newline), or nil when the file is
    /// missing or blank. Inner white space is kept, so a garbled file is reported as it is.
    public func read() throws(StoreError) -> String? {
        guard let bytes = try FileSystem.readFileIfPresent(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return nil }
        return String(text[first...last])
    }

    /// Replaces the file atomically with `server` (mode 0600 when new, in a 0700 directory).
    public func write(_ server: String) throws(StoreError) {
        try FileSystem.makeDirectory(directory, mode: 0o700)
        try FileSystem.replaceAtomically(
            FileSystem.resolvingSymlinks(path), with: Array(server.utf8), newFileMode: 0o600)
    }
}
