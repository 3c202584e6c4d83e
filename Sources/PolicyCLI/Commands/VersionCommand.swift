import RegistryAuth

/// `policy version` (also `--version`): the version line, naming the libraries inside libcurl as well, e.g.
/// `policy version 0.4.0 (libcurl/7.88.1 OpenSSL/3.0.19 nghttp2/1.52.0 c-ares/1.18.1)`.
struct VersionCommand: Command {
    let context: CommandContext

    init(_ parsed: ParsedArguments, context: CommandContext) {
        self.context = context
    }

    func run() {
        context.output.out("policy version \(HelpText.version) (\(Self.libraries(.current())))")
    }

    /// libcurl's version and the TLS, HTTP/2 and resolver libraries it has, in curl's own `name/version` style.
    static func libraries(_ versions: CurlLibraryVersions) -> String {
        let parts: [String?] = [
            "libcurl/\(versions.libcurl)", versions.tls?.description, versions.nghttp2.map { "nghttp2/\($0)" },
            versions.cAres.map { "c-ares/\($0)" }
        ]
        return parts.compactMap(\.self).joined(separator: " ")
    }
}
