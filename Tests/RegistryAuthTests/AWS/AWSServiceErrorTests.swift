import Testing

@testable import RegistryAuth

/// AWS error replies → what they mean. The JSON 1.1 rows are ECR's, the XML rows STS's (as botocore's
/// service models and the services' documentation name them).
struct AWSServiceErrorTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int
        var body: String
        var headers: [String: String] = [:]
        var code: String?
        var kind: AWSServiceError.Kind
        var message: String? = nil
        var testDescription: String { name }
    }

    static func json(_ type: String, _ message: String = "m") -> String {
        #"{"__type":"\#(type)","message":"\#(message)"}"#
    }
    static func xml(_ code: String, _ message: String = "m") -> String {
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error><RequestId>r</RequestId></ErrorResponse>"
    }

    static let rows: [Row] = [
        Row(
            name: "ECR AccessDenied", status: 400,
            body: json(
                "com.amazonaws.ecr#AccessDeniedException",
                "User: arn:aws:iam::1:user/ci is not authorized to perform: ecr:GetAuthorizationToken"),
            code: "AccessDeniedException", kind: .accessDenied,
            message: "User: arn:aws:iam::1:user/ci is not authorized to perform: ecr:GetAuthorizationToken"),
        Row(
            name: "a namespace-free __type", status: 400, body: json("ThrottlingException", "Rate exceeded"),
            code: "ThrottlingException",
            kind: .throttled, message: "Rate exceeded"),
        Row(
            name: "InvalidSignature: only the first line (later ones quote the canonical request)", status: 400,
            body: json(
                "InvalidSignatureException",
                "The request signature we calculated does not match.\\n\\nThe Canonical String for this request should have been\\n'POST\\n/\\nx-amz-security-token:SECRET'"
            ),
            code: "InvalidSignatureException", kind: .invalidSignature,
            message: "The request signature we calculated does not match."),
        Row(
            name: "a signature expired by clock skew", status: 403,
            body: json(
                "InvalidSignatureException", "Signature expired: 20250101T000000Z is now earlier than 20250101T001000Z"),
            code: "InvalidSignatureException", kind: .invalidSignature),
        Row(
            name: "ExpiredToken", status: 400,
            body: json("ExpiredTokenException", "The security token included in the request is expired"),
            code: "ExpiredTokenException", kind: .expiredToken),
        Row(
            name: "UnrecognizedClient", status: 400,
            body: json("UnrecognizedClientException", "The security token included in the request is invalid."),
            code: "UnrecognizedClientException", kind: .unrecognizedClient),
        Row(
            name: "ServerException", status: 500, body: json("ServerException"), code: "ServerException",
            kind: .unavailable),
        Row(
            name: "an unknown 4xx", status: 400, body: json("InvalidParameterException"),
            code: "InvalidParameterException", kind: .other),
        Row(name: "a bare 503", status: 503, body: "", code: nil, kind: .unavailable),
        Row(name: "a bare 429", status: 429, body: "Too Many Requests", code: nil, kind: .throttled),
        Row(
            name: "the code only in x-amzn-ErrorType", status: 403, body: "{}",
            headers: [
                "x-amzn-ErrorType": "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/"
            ],
            code: "AccessDeniedException", kind: .accessDenied),
        Row(
            name: "STS InvalidIdentityToken", status: 400,
            body: xml("InvalidIdentityToken", "Couldn&apos;t retrieve verification key"),
            code: "InvalidIdentityToken", kind: .invalidIdentityToken, message: "Couldn't retrieve verification key"),
        Row(
            name: "STS ExpiredToken", status: 400,
            body: xml(
                "ExpiredTokenException", "Token expired: current date/time 1 must be before the expiration date/time 0"),
            code: "ExpiredTokenException", kind: .expiredToken),
        Row(
            name: "STS AccessDenied (the role's trust policy)", status: 403,
            body: xml("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"),
            code: "AccessDenied", kind: .accessDenied),
        Row(
            name: "STS IDPCommunicationError", status: 400, body: xml("IDPCommunicationError"),
            code: "IDPCommunicationError", kind: .unavailable),
        Row(
            name: "STS InvalidClientTokenId", status: 403, body: xml("InvalidClientTokenId"),
            code: "InvalidClientTokenId", kind: .unrecognizedClient),
        Row(
            name: "STS SignatureDoesNotMatch", status: 403, body: xml("SignatureDoesNotMatch"),
            code: "SignatureDoesNotMatch", kind: .invalidSignature),
        Row(
            name: "STS Throttling", status: 400, body: xml("Throttling", "Rate exceeded"), code: "Throttling",
            kind: .throttled),
        Row(
            name: "a control character in the message is cleaned", status: 400,
            body: json("ValidationException", "bad\\u001b[31m value"),
            code: "ValidationException", kind: .other, message: "bad [31m value")
    ]

    @Test(arguments: rows)
    func maps(_ row: Row) {
        let response = HTTPResponse(
            status: row.status, headers: row.headers.map { (name: $0.key, value: $0.value) }, body: Array(row.body.utf8)
        )
        let error = AWSServiceError(response: response, host: "api.ecr.eu-west-1.amazonaws.com")
        #expect(error.code?.description == row.code)
        #expect(error.kind == row.kind)
        if let message = row.message { #expect(error.message?.description == message) }
        let message = error.message?.description ?? ""
        #expect(!message.contains("SECRET"))
    }

    @Test(
        arguments: [
            ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777), ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
            ("Tue, 29 Feb 2028 23:59:59 GMT", 1_835_481_599), ("Sunday, 06-Nov-94 08:49:37 GMT", nil),
            ("06 Nov 1994 08:49:37", nil),
            ("Sun, 06 Foo 1994 08:49:37 GMT", nil), ("Sun, 06 Nov 1994 25:49:37 GMT", nil)
        ] as [(String, Int?)])
    func httpDate(_ text: String, _ seconds: Int?) {
        #expect(HTTPDate.unixSeconds(text) == seconds)
    }

    @Test func theServerDateIsRead() {
        let response = HTTPResponse(
            status: 403, headers: [(name: "Date", value: "Sun, 06 Nov 1994 08:49:37 GMT")],
            body: Array(Self.json("InvalidSignatureException").utf8))
        #expect(AWSServiceError(response: response, host: "h").serverDate == 784_111_777)
    }
}
