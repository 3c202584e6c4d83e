import PolicyBase

extension StringProtocol {
    /// Drops leading and trailing spaces, tabs, CR and LF.
    func trimmingHTTPWhitespace() -> String {
        trimming { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
    }
}
