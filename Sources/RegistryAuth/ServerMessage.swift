#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The human-readable reason a registry put in an error body, if any, cut to one short line.
enum ServerMessage {
    static let maxLength = 200

    static func extract(from response: HTTPResponse) -> String? {
        let body = response.body
        guard !body.isEmpty else { return nil }
        if let errors = try? JSONDecoder().decode(DistributionErrors.self, from: Data(body)) {
            if let first = errors.errors?.first {
                let parts = [first.code, first.message].compactMap { $0 }.filter { !$0.isEmpty }
                if !parts.isEmpty { return oneLine(parts.joined(separator: ": ")) }
            }
            if let details = errors.details ?? errors.message { return oneLine(details) }
        }
        let text = String(decoding: body, as: UTF8.self)
        if text.hasPrefix("{") || text.hasPrefix("[") || text.lowercased().contains("<html") { return nil }
        return oneLine(text)
    }

    /// First line, printable characters only, at most `maxLength` characters; nil when nothing remains.
    /// C0 and C1 controls are dropped: a terminal would act on them (U+009B is a CSI like ESC [).
    static func oneLine(_ text: String) -> String? {
        let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first ?? ""
        let printable = String(firstLine.unicodeScalars.filter { !isControl($0) }.map(Character.init))
        let trimmed = printable.trimmingHTTPWhitespace()
        guard !trimmed.isEmpty else { return nil }
        return trimmed.count > maxLength ? String(trimmed.prefix(maxLength)) + "…" : trimmed
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `{"errors":[{"code","message"}]}` (distribution), `{"details"}` (Docker Hub, Artifactory), `{"message"}`.
    private struct DistributionErrors: Decodable {
        struct Entry: Decodable {
            var code: String?
            var message: String?
        }
        var errors: [Entry]?
        var details: String?
        var message: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            errors = try? container.decodeIfPresent([Entry].self, forKey: .errors)
            details = try? container.decodeIfPresent(String.self, forKey: .details)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
        }

        enum CodingKeys: String, CodingKey { case errors, details, message }
    }
}
