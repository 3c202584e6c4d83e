import Testing

@testable import CredentialStore

/// The shared files' INI dialect, as botocore (Python's configparser) reads it.
struct AWSINIFileTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var sections: [String: [String: String]]
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(
            name: "keys and values trimmed, keys lower-cased",
            text: "[default]\n  AWS_Access_Key_ID =  AKIA1  \naws_secret_access_key=s\n",
            sections: ["default": ["aws_access_key_id": "AKIA1", "aws_secret_access_key": "s"]]),
        Row(
            name: "':' is a delimiter too; the first one counts",
            text: "[default]\nregion: eu-west-1\ncredential_process = a --x=b:c\n",
            sections: ["default": ["region": "eu-west-1", "credential_process": "a --x=b:c"]]),
        Row(
            name: "whole-line comments; no inline comments (the value keeps them)",
            text: "# top\n[ci]\n; note\n  # indented\nregion = eu-west-1 # not a comment\n",
            sections: ["ci": ["region": "eu-west-1 # not a comment"]]),
        Row(
            name: "a deeper-indented line continues the value",
            text: "[default]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\nregion = x\n",
            sections: ["default": ["s3": "max_concurrent_requests = 10\naddressing_style = path", "region": "x"]]),
        Row(
            name: "CRLF line ends", text: "[default]\r\naws_access_key_id = A\r\n",
            sections: ["default": ["aws_access_key_id": "A"]]),
        Row(
            name: "lines before any section are ignored (botocore refuses the file)", text: "region = x\n[a]\nk = v\n",
            sections: ["a": ["k": "v"]]),
        Row(
            name: "a repeated section merges, a later key wins (botocore refuses the file)",
            text: "[a]\nk = 1\nj = 2\n[b]\n[a]\nk = 3\n",
            sections: ["a": ["k": "3", "j": "2"], "b": [:]]),
        Row(name: "an empty value", text: "[a]\naws_session_token =\n", sections: ["a": ["aws_session_token": ""]]),
        Row(
            name: "section names as written", text: "[profile  dev]\n[ spaced ]\n",
            sections: ["profile  dev": [:], " spaced ": [:]]),
        Row(name: "a line without a delimiter is ignored", text: "[a]\njunk\nk = v\n", sections: ["a": ["k": "v"]])
    ]

    @Test(arguments: rows)
    func parses(_ row: Row) {
        #expect(AWSINIFile(parsing: row.text).sections == row.sections)
    }

    @Test func configProfilesAreDefaultAndProfileSectionsOnly() {
        let file = AWSINIFile(
            parsing: """
                [default]
                region = a
                [profile dev]
                region = b
                [profile  "with space"]
                region = c
                [plain]
                region = d
                [profile default]
                output = json
                [sso-session corp]
                sso_region = e
                """)
        #expect(
            file.configProfiles == [
                "default": ["region": "a", "output": "json"], "dev": ["region": "b"], "with space": ["region": "c"]
            ])
    }
}
