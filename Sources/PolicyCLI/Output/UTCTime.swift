/// Times as `policy` prints them: `2026-11-24 12:03 UTC`, and spans as `11 h 58 min`. No Foundation: the
/// civil date comes from the day count (the proleptic Gregorian calendar, as Unix time uses).
enum UTCTime {
    static func format(_ unixSeconds: Int) -> String {
        let (date, secondsOfDay) = split(unixSeconds)
        return "\(date) \(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)) UTC"
    }

    /// `2026-11-24T12:03:00Z` (RFC 3339), for `status --json`.
    static func iso(_ unixSeconds: Int) -> String {
        let (date, secondsOfDay) = split(unixSeconds)
        return "\(date)T\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))Z"
    }

    /// The civil date as `2026-11-24`, and the seconds since that day's midnight.
    private static func split(_ unixSeconds: Int) -> (date: String, secondsOfDay: Int) {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return ("\(year)-\(two(month))-\(two(day))", unixSeconds - days * 86_400)
    }

    /// `1 d 3 h`, `11 h 58 min`, `7 min`, `less than a minute`: the two largest units.
    static func span(_ seconds: Int) -> String {
        let seconds = abs(seconds)
        let days = seconds / 86_400
        let hours = seconds % 86_400 / 3600
        let minutes = seconds % 3600 / 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return minutes > 0 ? "\(hours) h \(minutes) min" : "\(hours) h" }
        return minutes > 0 ? "\(minutes) min" : "less than a minute"
    }

    /// Howard Hinnant's days-to-civil algorithm.
    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
