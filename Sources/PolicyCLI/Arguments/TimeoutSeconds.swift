/// A bound in whole seconds, as `--timeout` and `$POLICY_HELPER_TIMEOUT` take it.
enum TimeoutSeconds {
    static let allowed = 1...3600

    /// The number of seconds, or nil when the text is not a whole number in `allowed`.
    static func parse(_ text: some StringProtocol) -> Int? {
        guard let seconds = Int(text), allowed.contains(seconds) else { return nil }
        return seconds
    }

    /// "between 1 and 3600", for sentences.
    static var range: String { "between \(allowed.lowerBound) and \(allowed.upperBound)" }
}
