/// The database holds something this version cannot read. Answered as a 500; the message goes
/// to the log only.
struct StorageDataError: Error, Sendable, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
