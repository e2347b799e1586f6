import BusCore
import BusTesting
import Foundation
import Logging
import Model
import Participation
import Synchronization

/// A clock that tests set by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ date: Date) { current = Mutex(date) }

    var now: Date { current.withLock { $0 } }

    func set(_ date: Date) { current.withLock { $0 = date } }
}

/// A fixed instant: 2027-01-15T08:00:00Z.
let day0 = Date(timeIntervalSince1970: 1_800_000_000)

/// `day0` plus `days` days.
func day(_ days: Double) -> Date { day0.addingTimeInterval(days * 86_400) }

/// An in-memory bus with the participation service over `repository`, timed by `clock`.
func participationBus(_ repository: InMemoryParticipationRepository, _ clock: TestClock) -> InMemoryBus {
    let bus = InMemoryBus()
    bus.register(buildParticipationRouter(logger: Logger(label: "test.participation"), repository: repository,
                                          clock: { clock.now }))
    return bus
}

/// Calls `contract` and returns the error it answers with, or nil if it succeeded.
func callError<C: Contract>(_ bus: InMemoryBus, _ contract: C.Type, _ request: C.Request) async -> ServiceCallError? {
    do {
        _ = try await bus.call(contract, request)
        return nil
    } catch let error as ServiceCallError {
        return error
    } catch {
        return ServiceCallError(service: "?", operation: "?", status: 0, error: ErrorBody(code: "unexpected", message: "\(error)"))
    }
}

/// A text in Finnish, Swedish and English.
func text(_ fi: String, _ sv: String? = nil, _ en: String? = nil) -> LocalizedText {
    LocalizedText(fi: fi, sv: sv ?? "\(fi) (sv)", en: en ?? "\(fi) (en)")
}
