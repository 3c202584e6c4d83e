@testable import RegistryAuth

// libFuzzer entry for ChallengeParser (+ AuthChallenge.select, URLParts on the realm).
// Property: parsing never traps; a parsed header, written back canonically, parses to the same challenges.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChallengeParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let header = String(decoding: bytes, as: UTF8.self)
    let challenges: [Challenge]
    do {
        challenges = try ChallengeParser.parse(header)
    } catch {
        precondition(error.offset >= 0 && error.offset <= header.utf8.count, "error offset out of range")
        return 0
    }
    precondition(!challenges.isEmpty)
    if case .bearer(let realm, _, _)? = AuthChallenge.select(from: challenges) {
        _ = URLParts(realm)
    }
    let rewritten = challenges.map(canonical).joined(separator: ", ")
    guard let reparsed = try? ChallengeParser.parse(rewritten) else {
        preconditionFailure("canonical form does not parse: \(rewritten)")
    }
    precondition(reparsed == challenges, "round trip changed the challenges: \(rewritten)")
    return 0
}

/// A challenge written back with every parameter value quoted and escaped.
private func canonical(_ challenge: Challenge) -> String {
    if let token68 = challenge.token68 { return challenge.scheme + " " + token68 }
    let parameters = challenge.parameters.sorted { $0.key < $1.key }.map { name, value in
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { quoted += "\\" }
            quoted.unicodeScalars.append(scalar)
        }
        return name + "=" + quoted + "\""
    }
    return parameters.isEmpty ? challenge.scheme : challenge.scheme + " " + parameters.joined(separator: ", ")
}
