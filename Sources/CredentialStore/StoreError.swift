/// Why credentials could not be read or saved. The command line words each case; all exit 5.
public enum StoreError: Error, Sendable, Equatable {
    /// An operating-system call failed on `path`; `operation` says which step (read, write, lock, …).
    case fileSystem(operation: String, path: String, errno: Int32)
    /// The file holds something other than a JSON object.
    case notJSONObject(path: String, JSONParseError?)
    /// `credsStore` and `credStore` name different helpers.
    case conflictingStores(credsStore: String, credStore: String)
    /// A config value has the wrong JSON type (e.g. `auths` is not an object).
    case invalidEntry(path: String, key: String)
}
