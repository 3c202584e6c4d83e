// libFuzzer entry for the hand-rolled argument parser: NUL-separated arguments.
// Property: no trap; a successful parse only holds options from the table and at most one operand.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArgumentParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    guard let parsed = try? ArgumentParser.parse(arguments) else { return 0 }
    precondition(parsed.operands.count <= 1, "more than one operand accepted")
    for id in Set(parsed.values.keys).union(parsed.flags) {
        precondition(OptionTable.spec(id) != nil, "option outside the table")
    }
    if !parsed.operands.isEmpty { precondition(parsed.command != nil, "operand without a command") }
    return 0
}
