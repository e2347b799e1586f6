import Model

/// The outcome of ``ParticipationBackend/saveParticipationRecords(_:origin:at:)``.
struct ParticipationSaveResult: Sendable, Hashable {
    var reply: ParticipationStorageContracts.SaveRecords.Response
    /// True when the request id had been applied before and nothing was written now.
    var replayed: Bool
}
