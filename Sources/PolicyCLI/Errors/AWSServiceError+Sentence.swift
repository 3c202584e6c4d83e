import PolicyBase
import RegistryAuth

extension AWSServiceError {
    /// `HTTP 400, AccessDeniedException: <message>`.
    var detail: String {
        var text = "HTTP \(status)"
        if let code { text += ", \(code)" }
        if let message { text += ": \(message)" }
        return text
    }

    /// How far this machine's clock is ahead of the server's (negative: behind), to the nearest minute, when that
    /// explains a refused signature (AWS allows 5 minutes). `now` is when policy started, a moment before the
    /// reply: the rounding keeps an hour's skew an hour.
    func clockSkew(now: Int) -> Int? {
        guard let serverDate, abs(serverDate - now) >= 300 else { return nil }
        let skew = now - serverDate
        return (skew + (skew >= 0 ? 30 : -30)) / 60 * 60
    }
}
