import PolicyBase
import Testing

@testable import RegistryAuth

/// An identity token (OAuth2 refresh token) docker stored is exchanged at the token service with the
/// refresh-token grant, never sent as a password.
struct IdentityTokenTests {
    let stored = Credentials(username: "demo", secret: "refresh-abc", kind: .identityToken)
    let bearer = #"Bearer realm="https://auth.example/token",service="registry.example""#

    func verify(_ transport: ScriptedTransport) throws(LoginError) -> LoginReport {
        try RegistryLogin(transport: transport).verify(
            stored, at: try! RegistryAddress(parsing: "registry.example"), plainHTTP: false)
    }

    @Test func isExchangedWithARefreshTokenGrant() throws {
        let transport = ScriptedTransport([
            (
                "https://auth.example/token",
                ScriptedTransport.status(200, body: #"{"access_token":"acc-1","expires_in":300}"#)
            ),
            ("https://registry.example/v2/", ScriptedTransport.challenge(bearer))
        ])
        _ = try verify(transport)
        let exchange = transport.requests[1]
        #expect(exchange.method == .post)
        #expect(exchange.url == "https://auth.example/token")
        #expect(exchange.authorization == nil)
        #expect(
            exchange.form == [
                FormField("grant_type", "refresh_token"), FormField("refresh_token", "refresh-abc"),
                FormField("client_id", "policy"), FormField("service", "registry.example")
            ])
        #expect(
            exchange.formBody
                == "grant_type=refresh_token&refresh_token=refresh-abc&client_id=policy&service=registry.example")
        #expect(transport.requests[2].authorization == .bearer(token: "acc-1"))
    }

    @Test(arguments: [400, 401, 403])
    func aRefusedRefreshTokenIsRejectedCredentials(_ status: Int) {
        let transport = ScriptedTransport([
            (
                "https://auth.example/token",
                ScriptedTransport.status(status, body: #"{"error":"invalid_grant","details":"expired"}"#)
            ),
            ("https://registry.example/v2/", ScriptedTransport.challenge(bearer))
        ])
        #expect(throws: LoginError.credentialsRejected(host: "auth.example", status: status, serverMessage: "expired"))
        {
            try verify(transport)
        }
    }

    @Test func aBasicRegistryHasNoUseForIt() {
        let transport = ScriptedTransport([
            ("https://registry.example/v2/", ScriptedTransport.challenge(#"Basic realm="r""#))
        ])
        #expect(throws: LoginError.identityTokenWithoutTokenService(host: "registry.example")) { try verify(transport) }
        #expect(transport.requests.count == 1)
    }
}
