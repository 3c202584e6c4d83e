/// "1 second", "2 seconds".
enum Plural {
    static func seconds(_ count: Int) -> String { count == 1 ? "1 second" : "\(count) seconds" }
}
