extension String {
    /// The first letter upper-cased, for a phrase that starts a sentence.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
