import Testing

@testable import RegistryAuth

/// The one gate every header value passes (issue 25): C0 controls and DEL are refused, tab and text are not.
struct HeaderGateTests {
    @Test(arguments: [
        ("token", true), ("a b\tc", true), ("ünïcode", true), ("tok\r\nX-Injected: 1", false), ("a\nb", false),
        ("a\rb", false), ("a\u{0}b", false), ("a\u{1B}[31m", false), ("a\u{7F}", false)
    ])
    func aHeaderCarriesOnlyValuesWithoutControlBytes(_ value: String, _ sendable: Bool) throws {
        #expect(HTTPHeaderField.canCarry(value) == sendable)
        #expect(((try? HTTPHeaderField("X-Amz-Security-Token", value).line()) != nil) == sendable)
    }
}
