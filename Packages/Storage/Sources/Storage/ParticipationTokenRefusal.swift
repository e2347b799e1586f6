import BusCore
import Model

/// Why a response's invitation token was refused; thrown inside the transaction so that it rolls back.
enum ParticipationTokenRefusal {
    /// The token has already answered: 409.
    static let used = ServiceError.conflict("the invitation token has already been used", details: ["token": "used"])
    /// The token was never issued for the survey: 400.
    static let unknown = ServiceError.badRequest("the invitation token is not one issued for this survey",
                                                 details: ["token": "unknown"])
}
