import PolicyBase
@testable import RegistryAuth

// libFuzzer entry for TokenReply.decode, ServerMessage.extract, CredentialExpiry and JWT claims: all read
// JSON (or base64 of it) that a server or a user chose.
// Property: no trap; a token, when returned, is non-empty visible ASCII; a server message is one short line.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenReply(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let body = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let token = try? TokenReply.decode(body) {
        precondition(!token.isEmpty && token.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "unsafe token accepted")
    }
    if let message = ServerMessage.extract(from: HTTPResponse(status: 401, body: body)) {
        precondition(!message.isEmpty && message.count <= DisplayText.defaultLimit + 1, "message too long")
        precondition(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "control in message")
    }
    // The same bytes as a secret or a token: expiry and claims are read from what a server or user chose.
    let text = String(decoding: body, as: UTF8.self)
    if let (expires, _) = CredentialExpiry.of(text) {
        precondition(abs(expires) < Int.max / 2, "absurd expiry accepted")
    }
    _ = RegistryLogin.grantedByClaim(text, repository: "org/app")
    return 0
}
