import PolicyBase

/// How `policy status` prints its rows: an aligned table, or JSON in a documented, stable shape.
enum StatusFormat {
    static let headers = ["SERVER", "USER", "SECRET IN", "KIND", "EXPIRES", "STATUS"]

    static func table(_ rows: [StatusRow], file: String) -> String {
        guard !rows.isEmpty else { return "No stored logins (\(file)).\n" }
        let cells = rows.map { row in
            let server = OutsideText(row.registry.name, .name).description + (row.isDefault ? " (default)" : "")
            return [server, OutsideText(row.username, .name).description, row.store, row.kind,
                    row.expires.map(UTCTime.format) ?? "-", row.state?.rawValue ?? "-"]
        }
        let showStatus = rows.contains { $0.state != nil }
        let columns = showStatus ? headers.count : headers.count - 1
        let widths = (0..<columns).map { column in ([headers] + cells).map { $0[column].count }.max() ?? 0 }
        return ([headers] + cells).map { line in
            (0..<columns).map { column in
                column == columns - 1 ? line[column] : line[column] + String(repeating: " ", count: widths[column] - line[column].count + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    /// An array with one object per login: `server`, `keys`, `username`, `store`, `kind` (`password` or
    /// `identity token`), `expires` (`2026-11-24T12:03:00Z` or null), `default`, and `status` (`ok`,
    /// `rejected`, `expired`, `unreachable`) with `--verify`, else null.
    static func json(_ rows: [StatusRow]) -> String {
        let objects = rows.map { row -> JSONValue in
            .object([
                "server": .string(row.registry.name),
                "keys": .array(row.registry.logins.map { .string($0.key) }),
                "username": .string(row.username),
                "store": .string(row.store),
                "kind": .string(row.kind),
                "expires": row.expires.map { .string(isoTime($0)) } ?? .null,
                "default": .bool(row.isDefault),
                "status": row.state.map { .string($0.rawValue) } ?? .null,
            ])
        }
        return String(decoding: JSONWriter.write(.array(objects)), as: UTF8.self)
    }

    /// `2026-11-24T12:03:00Z`.
    static func isoTime(_ unixSeconds: Int) -> String {
        let minutes = UTCTime.format(unixSeconds)  // "2026-11-24 12:03 UTC"
        let seconds = ((unixSeconds % 60) + 60) % 60
        return minutes.prefix(10) + "T" + minutes.dropFirst(11).prefix(5) + ":" + (seconds < 10 ? "0\(seconds)" : "\(seconds)") + "Z"
    }
}
