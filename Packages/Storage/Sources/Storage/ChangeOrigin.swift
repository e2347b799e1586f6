/// Who asks for a change, and under which request id: what the audit log and the idempotency
/// record need.
struct ChangeOrigin: Sendable, Hashable {
    /// The request's id; a change is applied once per id.
    var requestId: String
    /// `actor.id` from the request headers.
    var actorId: String
}
