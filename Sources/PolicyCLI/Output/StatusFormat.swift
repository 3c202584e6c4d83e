import PolicyBase

/// How `policy status` prints its rows: an aligned table, or JSON in a documented, stable shape. Both are exact:
/// they hold no secret, so nothing in them is ever rewritten.
enum StatusFormat {
    static let headers = ["SERVER", "USER", "SECRET IN", "KIND", "EXPIRES", "STATUS"]

    /// What marks a login this config does not record (a shared helper lists it; `logout --all` leaves it).
    static let notRecordedMark = "not in config.json"

    static func table(_ rows: [StatusRow], file: String) -> String {
        guard !rows.isEmpty else { return "No stored logins (\(file)).\n" }
        let cells = rows.map { row in
            let marks =
                (row.isDefault ? ["default"] : []) + (row.registry != nil && !row.recorded ? [notRecordedMark] : [])
            let server =
                OutsideText(row.name, .name).description
                + (marks.isEmpty ? "" : " (" + marks.joined(separator: ", ") + ")")
            return [
                server, row.username.map { OutsideText($0, .name).description } ?? "-", row.store ?? "-",
                row.kind ?? "-",
                row.expires.map(UTCTime.format) ?? "-", row.state?.rawValue ?? "-"
            ]
        }
        let showStatus = rows.contains { $0.state != nil }
        let columns = showStatus ? headers.count : headers.count - 1
        let widths = (0..<columns).map { column in ([headers] + cells).map { $0[column].count }.max() ?? 0 }
        return ([headers] + cells).map { line in
            (0..<columns).map { column in
                column == columns - 1
                    ? line[column]
                    : line[column] + String(repeating: " ", count: widths[column] - line[column].count + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    /// An array with one object per row: `server`, `keys`, `username`, `store`, `kind` (`password` or
    /// `identity token`), `expires` (`2026-11-24T12:03:00Z` or null), `default`, `recorded` (false for a login only
    /// a shared helper lists), and `status` (`ok`, `rejected`, `expired`, `unreachable` with `--verify`; `not logged
    /// in` for a named server without a login, whose `username`, `store` and `kind` are null; else null).
    static func json(_ rows: [StatusRow]) -> String {
        let objects = rows.map { row -> JSONValue in
            .object([
                "server": .string(row.name),
                "keys": .array((row.registry?.logins ?? []).map { .string($0.key) }),
                "username": row.username.map(JSONValue.string) ?? .null,
                "store": row.store.map(JSONValue.string) ?? .null,
                "kind": row.kind.map(JSONValue.string) ?? .null,
                "expires": row.expires.map { .string(UTCTime.iso($0)) } ?? .null,
                "default": .bool(row.isDefault),
                "recorded": .bool(row.recorded),
                "status": row.state.map { .string($0.rawValue) } ?? .null
            ])
        }
        return String(decoding: JSONWriter.write(.array(objects)), as: UTF8.self)
    }
}
