import PolicyBase

/// The server `policy login -d` remembered, used by commands given no server. It lives in `default-domain.cfg`
/// (`DefaultDomainFile`), where the policy CLI keeps it; policy before 0.4 kept it in config.json's top-level
/// `defaultDomain` key, which is honoured while that file is absent and dropped once the file holds the default.
public struct DefaultDomain: Sendable {
    public let file: DefaultDomainFile
    public let config: ConfigFile

    public init(directory: String) {
        file = DefaultDomainFile(directory: directory)
        config = ConfigFile(directory: directory)
    }

    /// The remembered server, or nil when none is set.
    /// - Throws: `StoreError` when a file cannot be read.
    public func read() throws(StoreError) -> String? {
        if let server = try file.read() { return server }
        return try config.read().legacyDefaultDomain
    }

    /// Remembers `server` in the file, then drops the legacy key from config.json (only once the file holds the
    /// default, so a failed write loses nothing).
    public func remember(_ server: String) throws(StoreError) {
        try file.write(server)
        guard try config.read().legacyDefaultDomain != nil else { return }
        try config.update { (document) throws(StoreError) in document.legacyDefaultDomain = nil }
    }
}

extension ConfigDocument {
    /// The top-level `defaultDomain` key in which policy before 0.4 kept the server `login -d` remembered.
    var legacyDefaultDomain: String? {
        get { members["defaultDomain"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        set { members["defaultDomain"] = newValue.map(JSONValue.string) }
    }
}
