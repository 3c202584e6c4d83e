@testable import PolicyCLI

// libFuzzer entry for the hand-rolled argument parser: NUL-separated arguments.
// Property: no trap; an error is one line; a successful parse obeys the tables the parser itself reads —
// `CommandName.operandLimit` for operands, `OptionSpec.commands`, `.value` and `.repeatable` for options — so a
// change to a command or an option changes what is checked here too.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArgumentParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    let parsed: ParsedArguments
    do {
        parsed = try ArgumentParser.parse(arguments)
    } catch {
        let sentence = error.sentence
        precondition(!sentence.isEmpty && !sentence.contains("\n"), "not one line: \(sentence)")
        return 0
    }
    guard let command = parsed.command else {
        precondition(parsed.operands.isEmpty, "operand without a command")
        precondition(
            parsed.values.keys.allSatisfy(\.isGlobal) && parsed.flags.allSatisfy(\.isGlobal),
            "command option without a command")
        return 0
    }
    precondition(parsed.operands.count <= command.operandLimit, "more operands than 'policy \(command.rawValue)' takes")
    for option in Set(parsed.values.keys).union(parsed.flags) {
        precondition(option.applies(to: command), "--\(option.spec.long) accepted for a command it does not apply to")
    }
    for option in parsed.values.keys {
        precondition(option.spec.value != nil, "a value kept for the flag --\(option.spec.long)")
    }
    for option in parsed.flags {
        precondition(option.spec.value == nil, "--\(option.spec.long) kept as a flag without its value")
    }
    for (option, values) in parsed.repeated {
        precondition(option.spec.repeatable, "--\(option.spec.long) collected although it is not repeatable")
        precondition(values.last == parsed.values[option], "--\(option.spec.long): the last value is not the one kept")
    }
    return 0
}
