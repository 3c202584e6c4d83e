import PolicyBase

@testable import CredentialStore

// libFuzzer entry for the config.json reader and merger: JSONParser → ConfigDocument → JSONWriter.
// Property: no trap; what the writer produces parses back to the same document, before and after a merge.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    guard var document = try? ConfigFile.decode(bytes, path: "fuzz/config.json") else { return 0 }
    roundTrip(document)
    let server = document.members["auths"]?.objectValue?.keys.first ?? "registry.example:5000"
    if (try? document.setBasicAuth(server: server, username: "u", secret: Array("s\u{0}\"\\\n é".utf8) + [0xFF])) != nil
    {
        precondition(document.authEntry(for: server)?["auth"] != nil, "merge lost the auth")
        roundTrip(document)
        precondition((try? document.removeAuthEntry(server: server)) == true, "the entry just set was not found")
        roundTrip(document)
    }
    return 0
}

private func roundTrip(_ document: ConfigDocument) {
    let written = JSONWriter.write(.object(document.members))
    guard let reread = try? ConfigFile.decode(written, path: "fuzz/config.json") else {
        preconditionFailure("writer output does not parse: \(String(decoding: written, as: UTF8.self))")
    }
    precondition(reread == document, "round trip changed the document")
}
