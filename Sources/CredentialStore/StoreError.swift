import PolicyBase

/// Why credentials could not be read or saved. The command line words each case; all exit 5.
public enum StoreError: Error, Sendable, Equatable {
    /// An operating-system call failed on `path`; `operation` says which step (read, write, lock, …).
    case fileSystem(operation: String, path: String, errno: Int32)
    /// Another process held the lock file `path` for all of `seconds`.
    case lockTimedOut(path: String, seconds: Int)
    /// `path` (or `target`, what its symlink leads to) exists but is not a regular file (a device, a pipe, a
    /// directory): it is neither read nor written.
    case notRegularFile(path: String, target: String?)
    /// The file holds something other than a JSON object.
    case notJSONObject(path: String, JSONParseError?)
    /// `credsStore` and `credStore` name different helpers.
    case conflictingStores(credsStore: OutsideText, credStore: OutsideText)
    /// A config value has the wrong JSON type (e.g. `auths` is not an object).
    case invalidEntry(path: String, key: OutsideText, expected: JSONKind)
    /// The helper name found under `configKey` cannot name an executable (empty, or contains `/`).
    case invalidHelperName(name: OutsideText, configKey: OutsideText)
    /// No `executable` on PATH; `configKey` is the config entry that named the helper.
    case helperNotFound(executable: OutsideText, configKey: OutsideText)
    /// The secret is not UTF-8 text, which the helper protocol cannot carry exactly; nothing was stored.
    case secretNotText(executable: OutsideText, configKey: OutsideText)
    /// A credential helper was run and did not do what was asked.
    case helper(executable: OutsideText, verb: HelperVerb, HelperProblem)
}

/// The docker-credential-helpers protocol's verbs, each the helper's only argument.
public enum HelperVerb: String, Sendable, Equatable {
    case store, get, erase, list
}

/// How a credential helper call went wrong.
public enum HelperProblem: Sendable, Equatable {
    /// It exited unsuccessfully; `message` is what it said (helpers write errors on stdout), cleaned.
    case failed(message: OutsideText, status: HelperExitStatus)
    /// It ran longer than the timeout and was killed, with every process it started.
    case timedOut(seconds: Int)
    /// It wrote more than `limit` bytes on stdout or stderr and was stopped.
    case outputTooLarge(limit: Int)
    /// It succeeded but its reply is not the JSON the protocol prescribes.
    case invalidReply
    /// It could not be started; `reason` is the system's description.
    case couldNotRun(reason: OutsideText)
}

/// How a helper process ended.
public enum HelperExitStatus: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
}

/// The JSON types a config entry is expected to have.
public enum JSONKind: Sendable, Equatable {
    case object, string
}
