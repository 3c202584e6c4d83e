import PolicyBase

/// The secrets one verification has sent or received so far — the credentials, in every form they travel (the
/// secret, `base64(user:secret)`), and each token the token service issued — so that a server's message quoting
/// one back is redacted. One per `RegistryLogin`, used on one thread.
final class SecretsInPlay {
    private(set) var redaction = Redaction()

    func add(_ credentials: Credentials) {
        redaction.add(credentials.secret)
        redaction.add(Base64.encode(Array(credentials.username.utf8) + [UInt8(ascii: ":")] + credentials.secret))
    }

    func add(_ token: String) {
        redaction.add(token)
    }
}
