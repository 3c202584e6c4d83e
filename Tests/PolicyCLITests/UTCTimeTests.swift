import Testing

@testable import PolicyCLI

/// Times and spans as `policy` prints them, computed without Foundation: every row checked against
/// `date -u -d @N`.
struct UTCTimeTests {
    struct TimeRow: Sendable, CustomTestStringConvertible {
        var unixSeconds: Int
        var formatted: String
        var iso: String
        var testDescription: String { "\(unixSeconds) → \(formatted)" }
    }

    static let times: [TimeRow] = [
        TimeRow(unixSeconds: 0, formatted: "1970-01-01 00:00 UTC", iso: "1970-01-01T00:00:00Z"),
        TimeRow(unixSeconds: 59, formatted: "1970-01-01 00:00 UTC", iso: "1970-01-01T00:00:59Z"),
        TimeRow(unixSeconds: 60, formatted: "1970-01-01 00:01 UTC", iso: "1970-01-01T00:01:00Z"),
        TimeRow(unixSeconds: 951_782_400, formatted: "2000-02-29 00:00 UTC", iso: "2000-02-29T00:00:00Z"),
        TimeRow(unixSeconds: 951_782_459, formatted: "2000-02-29 00:00 UTC", iso: "2000-02-29T00:00:59Z"),
        TimeRow(unixSeconds: 951_868_799, formatted: "2000-02-29 23:59 UTC", iso: "2000-02-29T23:59:59Z"),
        TimeRow(unixSeconds: 951_868_800, formatted: "2000-03-01 00:00 UTC", iso: "2000-03-01T00:00:00Z"),
        TimeRow(unixSeconds: 68_256_000, formatted: "1972-03-01 00:00 UTC", iso: "1972-03-01T00:00:00Z"),
        TimeRow(unixSeconds: 1_764_003_661, formatted: "2025-11-24 17:01 UTC", iso: "2025-11-24T17:01:01Z"),
        TimeRow(unixSeconds: 1_795_521_780, formatted: "2026-11-24 12:03 UTC", iso: "2026-11-24T12:03:00Z"),
        TimeRow(unixSeconds: 4_102_444_799, formatted: "2099-12-31 23:59 UTC", iso: "2099-12-31T23:59:59Z"),
        // 2100 is not a leap year: 28 February is followed by 1 March.
        TimeRow(unixSeconds: 4_107_456_000, formatted: "2100-02-28 00:00 UTC", iso: "2100-02-28T00:00:00Z"),
        TimeRow(unixSeconds: 4_107_542_399, formatted: "2100-02-28 23:59 UTC", iso: "2100-02-28T23:59:59Z"),
        TimeRow(unixSeconds: 4_107_542_400, formatted: "2100-03-01 00:00 UTC", iso: "2100-03-01T00:00:00Z"),
        TimeRow(unixSeconds: 253_402_300_799, formatted: "9999-12-31 23:59 UTC", iso: "9999-12-31T23:59:59Z"),
        // Before the epoch: the day and the time of day round down, not towards zero.
        TimeRow(unixSeconds: -1, formatted: "1969-12-31 23:59 UTC", iso: "1969-12-31T23:59:59Z"),
        TimeRow(unixSeconds: -60, formatted: "1969-12-31 23:59 UTC", iso: "1969-12-31T23:59:00Z"),
        TimeRow(unixSeconds: -61, formatted: "1969-12-31 23:58 UTC", iso: "1969-12-31T23:58:59Z"),
        TimeRow(unixSeconds: -86_400, formatted: "1969-12-31 00:00 UTC", iso: "1969-12-31T00:00:00Z"),
        TimeRow(unixSeconds: -86_401, formatted: "1969-12-30 23:59 UTC", iso: "1969-12-30T23:59:59Z"),
        // 1900 is not a leap year either.
        TimeRow(unixSeconds: -2_208_988_800, formatted: "1900-01-01 00:00 UTC", iso: "1900-01-01T00:00:00Z"),
        TimeRow(unixSeconds: -2_203_977_600, formatted: "1900-02-28 00:00 UTC", iso: "1900-02-28T00:00:00Z"),
        TimeRow(unixSeconds: -2_203_891_200, formatted: "1900-03-01 00:00 UTC", iso: "1900-03-01T00:00:00Z")
    ]

    @Test(arguments: times)
    func formatsTheCivilTime(_ row: TimeRow) {
        #expect(UTCTime.format(row.unixSeconds) == row.formatted)
    }

    @Test(arguments: times)
    func formatsISO8601ForJSON(_ row: TimeRow) {
        #expect(UTCTime.iso(row.unixSeconds) == row.iso)
    }

    /// Every day from 1899 to 2101 follows the one before: the day count never skips or repeats a date.
    @Test func consecutiveDaysAreConsecutiveDates() {
        let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var previous = UTCTime.civilDate(daysSinceEpoch: -25_932)  // 1899-01-01
        #expect(previous == (1899, 1, 1))
        for days in -25_931...48_211 {
            let date = UTCTime.civilDate(daysSinceEpoch: days)
            let leap = previous.year % 4 == 0 && (previous.year % 100 != 0 || previous.year % 400 == 0)
            let monthLength = previous.month == 2 && leap ? 29 : daysInMonth[previous.month - 1]
            let expected =
                previous.day < monthLength
                ? (previous.year, previous.month, previous.day + 1)
                : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
            guard date == expected else {
                Issue.record("day \(days): \(date), expected \(expected)")
                return
            }
            previous = date
        }
        #expect(previous == (2101, 12, 31))
    }

    struct SpanRow: Sendable, CustomTestStringConvertible {
        var seconds: Int
        var span: String
        var testDescription: String { "\(seconds) s → \(span)" }
    }

    static let spans: [SpanRow] = [
        SpanRow(seconds: 0, span: "less than a minute"),
        SpanRow(seconds: 59, span: "less than a minute"),
        SpanRow(seconds: 60, span: "1 min"),
        SpanRow(seconds: 119, span: "1 min"),
        SpanRow(seconds: 3599, span: "59 min"),
        SpanRow(seconds: 3600, span: "1 h"),
        SpanRow(seconds: 3660, span: "1 h 1 min"),
        SpanRow(seconds: 11 * 3600 + 58 * 60 + 30, span: "11 h 58 min"),
        SpanRow(seconds: 12 * 3600, span: "12 h"),
        SpanRow(seconds: 86_399, span: "23 h 59 min"),
        SpanRow(seconds: 86_400, span: "1 d"),
        SpanRow(seconds: 86_400 + 59 * 60, span: "1 d"),
        SpanRow(seconds: 86_400 + 3 * 3600 + 5 * 60, span: "1 d 3 h"),
        SpanRow(seconds: 400 * 86_400 + 3600, span: "400 d 1 h"),
        // A span is a length: an expiry in the past reads the same ("expired … (11 h 58 min ago)").
        SpanRow(seconds: -(11 * 3600 + 58 * 60), span: "11 h 58 min"),
        SpanRow(seconds: -30, span: "less than a minute")
    ]

    @Test(arguments: spans)
    func spansShowTheTwoLargestUnits(_ row: SpanRow) {
        #expect(UTCTime.span(row.seconds) == row.span)
    }
}
