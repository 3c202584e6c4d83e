import Platform
import PolicyBase

/// `<directory>/config.json`: read, change and write back under a cross-process lock, atomically,
/// keeping every key it does not know.
public struct ConfigFile: Sendable {
    public let directory: String
    public var path: String { directory + "/config.json" }
    private var lockPath: String { directory + "/config.json.lock" }

    public init(directory: String) {
        self.directory = directory
    }

    /// How `update` waits while another process holds the lock, and what it says meanwhile (the command line
    /// sets this from its environment and output); by default it waits up to 120 s without a word.
    public static var lockWait: LockWait {
        get { LockWaitSetting.lock.withLock { LockWaitSetting.current } }
        set { LockWaitSetting.lock.withLock { LockWaitSetting.current = newValue } }
    }

    /// Whether config.json (or what its symlink points to) exists.
    public func exists() -> Bool {
        FileSystem.exists(path)
    }

    /// The current document; a missing or empty file reads as `{}`.
    /// - Throws: `StoreError.notJSONObject` with the parse position when the file is not a JSON object.
    public func read() throws(StoreError) -> ConfigDocument {
        guard let bytes = try FileSystem.readFileIfPresent(path) else { return ConfigDocument(path: path) }
        return try Self.decode(bytes, path: path)
    }

    /// Reads, applies `change`, and writes the result, holding the lock throughout. Nothing is written
    /// when `change` throws or leaves the document as it was.
    /// The file is read (and found readable) before `change` runs, so a corrupt file stops everything early;
    /// `change` may run credential helpers while the lock is held.
    public func update<Result>(
        _ change: (inout ConfigDocument) throws(StoreError) -> Result
    ) throws(StoreError) -> Result {
        try FileSystem.makeDirectory(directory, mode: 0o700)
        let lock = try FileSystem.lock(lockPath, wait: Self.lockWait)
        defer { lock.release() }
        let original = try read()
        var document = original
        let result = try change(&document)
        if document != original {
            try FileSystem.replaceAtomically(
                FileSystem.resolvingSymlinks(path), with: JSONWriter.write(.object(document.members)),
                newFileMode: 0o600)
        }
        return result
    }

    static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> ConfigDocument {
        if bytes.allSatisfy(JSONParser.isWhitespace) { return ConfigDocument(path: path) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .notJSONObject(path: path, error)
        }
        guard let members = value.objectValue else { throw .notJSONObject(path: path, nil) }
        return ConfigDocument(path: path, members: members)
    }
}

/// The process's one lock-wait setting, behind a lock (commands run in-process by tests set it concurrently).
private enum LockWaitSetting {
    static let lock = ThreadLock()
    nonisolated(unsafe) static var current = LockWait(
        announceAfterMilliseconds: 1000, giveUpAfterSeconds: 120, announce: { _ in })
}
