@testable import PolicyCLI

// libFuzzer entry for the hand-rolled argument parser: NUL-separated arguments.
// Property: no trap; an error is one line; a successful parse holds only options that apply to its command.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArgumentParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let parsed: ParsedArguments
    do {
        parsed = try ArgumentParser.parse(arguments)
    } catch {
        let sentence = error.sentence
        precondition(!sentence.isEmpty && !sentence.contains("\n"), "not one line: \(sentence)")
        return 0
    }
    precondition(parsed.operands.count <= 1, "more than one operand accepted")
    for option in Set(parsed.values.keys).union(parsed.flags) {
        precondition(option.applies(to: parsed.command), "option accepted for a command it does not apply to")
    }
    if !parsed.operands.isEmpty { precondition(parsed.command != nil, "operand without a command") }
    return 0
}
