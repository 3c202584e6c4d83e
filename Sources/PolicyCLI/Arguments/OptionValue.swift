/// The value an option takes: its placeholder in help (`DIR`) and what it is, for "needs a value (…)".
struct OptionValue: Sendable {
    var placeholder: String
    var example: String

    init(_ placeholder: String, _ example: String) {
        self.placeholder = placeholder
        self.example = example
    }
}
