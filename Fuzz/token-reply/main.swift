import PolicyBase

@testable import RegistryAuth

// libFuzzer entry for TokenReply.decode, ServerMessage.extract, CredentialExpiry and JWT claims: all read
// JSON (or base64 of it) that a server or a user chose.
// Property: no trap; a token, when returned, is the value of the reply's `token` or `access_token` field and
// holds no byte that could end or split the Authorization header it goes into; a server message is exactly what
// the one display-text cleaner makes of it (whatever that cleaner's rules are at the time).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenReply(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let body = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let token = try? TokenReply.decode(body) {
        let fields = (try? JSONParser.parse(body))?.objectValue
        precondition(
            [fields?["token"], fields?["access_token"]].contains { $0?.stringValue == token },
            "token not from the reply")
        precondition(
            !token.isEmpty && token.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "a header-breaking token accepted")
    }
    if let message = ServerMessage.extract(from: HTTPResponse(status: 401, body: body)) {
        precondition(!message.isEmpty, "empty server message")
        precondition(
            OutsideText(message.description) == message,
            "server message not cleaned: \(message.description.debugDescription)")
    }
    // The same bytes as a secret or a token: expiry and claims are read from what a server or user chose.
    let text = String(decoding: body, as: UTF8.self)
    if let (expires, _) = CredentialExpiry.of(text) {
        precondition(abs(expires) < Int.max / 2, "absurd expiry accepted")
    }
    _ = RegistryLogin.grantedByClaim(text, repository: "org/app")
    return 0
}
