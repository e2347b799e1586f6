import Foundation
import Model

extension BudgetingRound {
    /// Checks the round: id, a Finnish or Swedish title, budget and rule as `BudgetTally` requires,
    /// unique area ids and phases in order.
    public func check() throws(BudgetingRefusal) {
        guard !id.isEmpty else { throw BudgetingRefusal(.invalid, field: "id", "a round needs a non-empty id") }
        guard Survey.isResidentReadable(title) else { throw BudgetingRefusal(.invalid, field: "title", "a title in Finnish or Swedish is needed") }
        do {
            _ = try BudgetTally(budget: budget, rule: rule, projects: [])
        } catch {
            throw BudgetingRefusal(.invalid, field: error.field, error.message)
        }
        var areaIds: Set<String> = []
        for (index, area) in areas.enumerated() where area.id.isEmpty || !areaIds.insert(area.id).inserted {
            throw BudgetingRefusal(.invalid, field: "areas[\(index)].id", "area ids must be non-empty and unique, got '\(area.id)'")
        }
        let dates = [schedule.proposalsOpen, schedule.screeningStarts, schedule.votingOpens, schedule.votingCloses,
                     schedule.implementationStarts]
        guard zip(dates, dates.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw BudgetingRefusal(.invalid, field: "schedule",
                                   "the phases must begin in order: proposals, screening, voting, voting closes, implementation")
        }
    }

    /// Refuses unless the round is in one of `phases` at `now`; `action` names what was attempted.
    public func require(_ phases: Set<BudgetingPhase>, at now: Date, to action: String) throws(BudgetingRefusal) {
        let phase = schedule.phase(at: now)
        guard let phase, phases.contains(phase) else {
            let current = phase.map { "the round is in its \($0.rawValue) phase" } ?? "the round has not begun"
            if phases == [.voting], let phase, phase >= .results {
                throw BudgetingRefusal(.conflict, "voting closed at \(Self.time(schedule.votingCloses)); \(action) is no longer possible")
            }
            let allowed = BudgetingPhase.allCases.filter(phases.contains).map(\.rawValue).joined(separator: " or ")
            throw BudgetingRefusal(.conflict, "\(action) is possible only in the \(allowed) phase; \(current)")
        }
    }

    /// Checks a new proposal against the round.
    public func check(_ proposal: BudgetingProposal) throws(BudgetingRefusal) {
        guard !proposal.id.isEmpty else { throw BudgetingRefusal(.invalid, field: "id", "a proposal needs a non-empty id") }
        guard Survey.isResidentReadable(proposal.title) else {
            throw BudgetingRefusal(.invalid, field: "title", "a title in Finnish or Swedish is needed")
        }
        do {
            _ = try BudgetTally(budget: budget, rule: rule,
                                projects: [ParticipationContracts.Project(id: proposal.id, title: proposal.title, cost: proposal.cost)])
        } catch {
            throw BudgetingRefusal(.invalid, field: "cost", error.message)
        }
        if proposal.cost > budget {
            throw BudgetingRefusal(.invalid, field: "cost", "the cost estimate is above the round's budget")
        }
        if !areas.isEmpty {
            guard let area = proposal.area, areas.contains(where: { $0.id == area }) else {
                throw BudgetingRefusal(.invalid, field: "area",
                                       "choose one of the round's areas: \(areas.map(\.id).joined(separator: ", "))")
            }
        }
    }

    /// The tally of this round over the proposals on the ballot (screened feasible).
    public func ballotTally(_ proposals: [BudgetingProposal]) throws(BudgetingRefusal) -> BudgetTally {
        let projects = proposals.filter(\.isOnBallot).map {
            ParticipationContracts.Project(id: $0.id, title: $0.title, cost: $0.cost)
        }
        do {
            return try BudgetTally(budget: budget, rule: rule, projects: projects)
        } catch {
            throw BudgetingRefusal(.invalid, field: error.field, error.message)
        }
    }

    /// Counts the stored ballots: the same input always gives the same result (`pb.recount`).
    /// Ballots are counted in voter-key order so that the order of storage does not matter.
    public func count(proposals: [BudgetingProposal], ballots: [BudgetingBallot]) throws(BudgetingRefusal)
        -> ParticipationContracts.Tally.Response {
        let tally = try ballotTally(proposals)
        return tally.tally(ballots.filter { $0.roundId == id }.sorted { $0.voterKey < $1.voterKey }.map(\.choices))
    }

    private static func time(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
