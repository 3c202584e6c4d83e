import PolicyBase

/// A mistake in the command line. Cases carry the option as the user spelled it, never a value.
enum UsageError: Error, Equatable {
    /// `spelling` is not in the table; `nearest` is the closest option `command` accepts, if any is close.
    case unknownOption(OutsideText, command: CommandName?, nearest: Option?)
    case missingValue(String, Option)
    case unexpectedValue(String)
    case unknownCommand(OutsideText)
    case optionNotForCommand(option: String, command: CommandName?)
    /// More operands than the command takes. The operand itself is not kept: it is often a password.
    case unexpectedOperand(command: CommandName)
}
