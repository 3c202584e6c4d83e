import PolicyBase
import Subprocess

/// A client for one `docker-credential-<name>` program, speaking the docker-credential-helpers protocol:
/// `store` reads `{"ServerURL","Username","Secret"}`, `get` reads the server and prints that JSON, `erase`
/// reads the server, `list` prints `{server: username}`. Errors come on stdout with exit status 1;
/// "credentials not found" is an answer, not an error.
public struct CredentialHelper: Sendable {
    /// The helper's name as configured (`pass`).
    public let name: String
    /// The config entry that named it (`credsStore`, `credStore`, `credHelpers["ghcr.io"]`).
    public let configKey: String
    /// `docker-credential-<name>`, looked up on PATH.
    public var executable: String { Self.executable(named: name) }

    /// The program a helper named `name` is: `docker-credential-<name>`.
    public static func executable(named name: String) -> String { "docker-credential-" + name }
    private let process: HelperProcess

    /// - Parameters:
    ///   - timeoutSeconds: bound on each call; the helper and everything it started are killed after it.
    ///   - outputLimit: most bytes accepted on the helper's stdout and on its stderr.
    /// - Throws: `invalidHelperName` when `name` could not be part of an executable's name.
    public init(name: String, configKey: String, timeoutSeconds: Int, outputLimit: Int = 1 << 20) throws(StoreError) {
        // A name that printing would change (controls, bidirectional marks, blanks at the ends) names no program.
        guard !name.isEmpty, !name.contains("/"), OutsideText(name, .name).description == name else {
            throw .invalidHelperName(name: OutsideText(name, .name), configKey: OutsideText(configKey, .name))
        }
        self.name = name
        self.configKey = configKey
        process = HelperProcess(
            executable: Self.executable(named: name), timeoutSeconds: timeoutSeconds,
            outputLimit: outputLimit)
    }

    /// Checks that the helper's executable is on PATH, without running it.
    /// - Throws: `helperNotFound` naming the executable and the config key.
    public func checkInstalled() throws(StoreError) {
        let executable = executable
        let notFound = StoreError.helperNotFound(
            executable: OutsideText(executable, .name), configKey: OutsideText(configKey, .name))
        try BlockingBridge.run { () throws(StoreError) in
            do {
                _ = try await Executable.name(executable).resolveExecutablePath(in: .inherit)
            } catch {
                throw notFound
            }
        }
    }

    /// The Username docker stores with an identity token.
    public static let identityTokenUsername = "<token>"

    /// Checks that the helper can keep `credentials` exactly: the protocol carries the secret in a JSON string,
    /// which holds UTF-8 text only (a helper would keep U+FFFD in place of other bytes).
    /// - Throws: `secretNotText` naming the helper.
    public func checkCanStore(_ credentials: Credentials) throws(StoreError) {
        guard credentials.secretText != nil else {
            throw .secretNotText(executable: OutsideText(executable, .name), configKey: OutsideText(configKey, .name))
        }
    }

    /// Saves the credentials of `server`. What the helper says on failure is quoted with the secret hidden.
    public func store(_ credentials: Credentials, for server: String) throws(StoreError) {
        try checkCanStore(credentials)
        let payload = JSONValue.object([
            "ServerURL": .string(server),
            "Username": .string(credentials.username),
            "Secret": .string(String(decoding: credentials.secret, as: UTF8.self))
        ])
        let reply = try call(.store, input: JSONWriter.write(payload))
        var redaction = Redaction()
        redaction.add(credentials.secret)
        guard reply.succeeded else { throw failure(.store, reply, redacting: redaction) }
    }

    /// The credentials of `server`, or nil when the helper has none.
    public func get(_ server: String) throws(StoreError) -> Credentials? {
        let reply = try call(.get, input: Array(server.utf8))
        if !reply.succeeded {
            if Self.saysNotFound(reply) { return nil }
            throw failure(.get, reply)
        }
        let invalid = StoreError.helper(executable: OutsideText(executable, .name), verb: .get, .invalidReply)
        guard let object = try? JSONParser.parse(reply.stdout).objectValue else { throw invalid }
        // An absent field is an empty one: docker and containers/image read `{}` (containers/image's test helper)
        // and empty fields (docker-credential-pass 0.6, for an unknown server) with exit 0 as no credentials.
        func field(_ name: String) throws(StoreError) -> String {
            guard let value = object[name] else { return "" }
            guard let text = value.stringValue else { throw invalid }
            return text
        }
        let username = try field("Username")
        let secret = try field("Secret")
        if username.isEmpty && secret.isEmpty { return nil }
        // docker keeps an identity token in a helper under the user name `<token>`.
        if username == Self.identityTokenUsername {
            return Credentials(username: username, secret: secret, kind: .identityToken)
        }
        return Credentials(username: username, secret: secret)
    }

    /// Removes the credentials of `server`; a helper that has none is not an error.
    public func erase(_ server: String) throws(StoreError) {
        let reply = try call(.erase, input: Array(server.utf8))
        guard reply.succeeded || Self.saysNotFound(reply) else { throw failure(.erase, reply) }
    }

    /// Every server the helper holds credentials for, with its user name (`status`, `logout --all`).
    public func list() throws(StoreError) -> [String: String] {
        let reply = try call(.list, input: [])
        guard reply.succeeded else { throw failure(.list, reply) }
        guard let object = try? JSONParser.parse(reply.stdout).objectValue else {
            throw .helper(executable: OutsideText(executable, .name), verb: .list, .invalidReply)
        }
        return object.compactMapValues(\.stringValue)
    }

    /// The one place policy waits for Swift concurrency: the helper process runs under swift-subprocess.
    private func call(_ verb: HelperVerb, input: [UInt8]) throws(StoreError) -> HelperProcess.Reply {
        let process = process
        let configKey = configKey
        return try BlockingBridge.run { () throws(StoreError) in
            try await process.run(verb, input: input, configKey: configKey)
        }
    }

    private func failure(
        _ verb: HelperVerb, _ reply: HelperProcess.Reply, redacting redaction: Redaction = Redaction()
    ) -> StoreError {
        .helper(
            executable: OutsideText(executable, .name), verb: verb,
            .failed(message: HelperText.message(of: reply, redacting: redaction), status: reply.status))
    }

    /// docker-credential-helpers' `credentials not found in native keychain`, and the like.
    static func saysNotFound(_ reply: HelperProcess.Reply) -> Bool {
        HelperText.message(of: reply).description.lowercased().contains("credentials not found")
    }
}
