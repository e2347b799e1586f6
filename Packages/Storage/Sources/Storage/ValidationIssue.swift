/// One thing wrong with a request, named by its place in the payload.
struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// The field, e.g. `organisations[3].parentId`.
    var field: String
    /// What is wrong with it, e.g. `'loviisa.x' is not a known organisation`.
    var problem: String

    var description: String { "\(field): \(problem)" }
}
