import BusCore
import Foundation
import Model

/// The confirmation a voter sees.
let ballotStored = LocalizedText(fi: "Äänesi on tallennettu. Voit muuttaa sitä äänestyksen ajan.",
                                 sv: "Din röst har sparats. Du kan ändra den medan omröstningen pågår.",
                                 en: "Your vote has been stored. You may change it while voting is open.")

/// Adds `pb.round.create`, `pb.propose`, `pb.proposals`, `pb.screen`, `pb.vote`, `pb.results`,
/// `pb.recount` and `pb.implementation`.
func addBudgetingRoutes(router: inout Router, repository: any ParticipationRepository, writer: MeasureBindingWriter,
                        clock: @escaping ParticipationClock) {
    router.on(ParticipationContracts.RoundCreate.self) { round, _ in
        do throws(BudgetingRefusal) { try round.check() } catch { throw ServiceError.refused(error) }
        guard try await repository.round(id: round.id) == nil else {
            throw ServiceError.conflict("round '\(round.id)' exists already", details: ["field": "id"])
        }
        try await repository.saveRound(BudgetingRoundRecord(round: round, secret: VoterKey.newSecret()))
        return round
    }
    router.on(ParticipationContracts.RoundGet.self) { request, _ in try await loadRound(request.roundId, repository).round }
    router.on(ParticipationContracts.RoundList.self) { _, _ in try await repository.rounds().map(\.round) }
    router.on(ParticipationContracts.Propose.self) { request, _ in
        let round = try await loadRound(request.roundId, repository).round
        let proposal = BudgetingProposal(id: request.id, roundId: round.id, area: request.area, title: request.title,
                                         description: request.description, cost: request.cost)
        do throws(BudgetingRefusal) {
            try round.require([.proposals], at: clock(), to: "making a proposal")
            try round.check(proposal)
        } catch {
            throw ServiceError.refused(error)
        }
        guard try await !repository.proposals(roundId: round.id).contains(where: { $0.id == proposal.id }) else {
            throw ServiceError.conflict("round '\(round.id)' has a proposal '\(proposal.id)' already", details: ["field": "id"])
        }
        try await repository.saveProposals([proposal])
        return proposal
    }
    router.on(ParticipationContracts.Proposals.self) { request, _ in
        let round = try await loadRound(request.roundId, repository).round
        return try await repository.proposals(roundId: round.id)
    }
    router.on(ParticipationContracts.Screen.self) { request, _ in
        let round = try await loadRound(request.roundId, repository).round
        do throws(BudgetingRefusal) {
            try round.require([.proposals, .screening], at: clock(), to: "screening")
        } catch {
            throw ServiceError.refused(error)
        }
        var proposal = try await loadProposal(request.proposalId, round: round.id, repository)
        if !request.feasible, !(request.reason.map(Survey.isResidentReadable) ?? false) {
            throw ServiceError.badRequest("reason: a proposal found not feasible needs a reason in Finnish or Swedish",
                                          details: ["field": "reason"])
        }
        proposal.screening = BudgetingScreening(feasible: request.feasible, reason: request.reason)
        try await repository.saveProposals([proposal])
        return proposal
    }
    router.on(ParticipationContracts.Vote.self) { request, context in
        let record = try await loadRound(request.roundId, repository)
        let round = record.round
        guard !request.voterId.isEmpty else {
            throw ServiceError.badRequest("voterId: the voter must be identified", details: ["field": "voterId"])
        }
        let proposals = try await repository.proposals(roundId: round.id)
        let tally: BudgetTally
        do throws(BudgetingRefusal) {
            try round.require([.voting], at: clock(), to: "casting or changing a ballot")
            tally = try round.ballotTally(proposals)
        } catch {
            let closed = (round.schedule.phase(at: clock()) ?? .proposals) >= .results
            throw ServiceError.refused(error).withResidentText(closed ? ResidentMessages.votingClosed : ResidentMessages.votingNotOpen)
        }
        if let refusal = tally.refusal(of: request.choices) {
            throw ServiceError.badRequest("the ballot was refused: \(refusal.description)", details: ["field": "choices"])
                .withResidentText(refusal.text)
        }
        let key = VoterKey.derive(secret: record.secret, voterId: request.voterId)
        // One keyed write; the reply says whether the voter had a ballot (no listing of the round's ballots).
        let replaced = try await repository.saveBallot(BudgetingBallot(roundId: round.id, voterKey: key, choices: request.choices))
        // The voter id and key are never logged.
        context.logger.info("ballot stored", metadata: ["round": "\(round.id)", "replaced": "\(replaced)"])
        return .init(replaced: replaced, message: ballotStored)
    }
    router.on(ParticipationContracts.Results.self) { request, context in
        let record = try await countedRound(request.roundId, repository, clock: clock, to: "reading the results")
        context.logger.debug("round results read", metadata: ["round": "\(record.round.id)"])
        let proposals = try await repository.proposals(roundId: record.round.id)
        let result = record.result ?? .init(ranking: [], winners: [], spent: 0, countedBallots: 0, refusedBallots: [])
        let winners = result.winners.compactMap { id in proposals.first { $0.id == id } }
        let roundId = record.round.id
        await writer.changed(logger: context.logger) {
            if case .budgetingProjectsFunded(let round) = $0 { return round == nil || round == roundId }
            return false
        }
        return .init(roundId: record.round.id, result: result, winners: winners)
    }
    router.on(ParticipationContracts.Recount.self) { request, _ in
        let record = try await loadRound(request.roundId, repository)
        do throws(BudgetingRefusal) {
            try record.round.require([.results, .implementation], at: clock(), to: "a recount")
        } catch {
            throw ServiceError.refused(error)
        }
        let recounted = try await count(record.round, repository)
        return .init(recounted: recounted, stored: record.result, matches: record.result.map { $0 == recounted } ?? true)
    }
    router.on(ParticipationContracts.Implementation.self) { request, context in
        let record = try await countedRound(request.roundId, repository, clock: clock, to: "reporting implementation")
        var proposal = try await loadProposal(request.proposalId, round: record.round.id, repository)
        guard record.result?.winners.contains(proposal.id) == true else {
            throw ServiceError.conflict("proposal '\(proposal.id)' did not win; only winning projects are implemented",
                                        details: ["field": "proposalId"])
        }
        proposal.implementation = BudgetingImplementation(status: request.status, updatedAt: clock(), note: request.note)
        try await repository.saveProposals([proposal])
        let roundId = record.round.id
        await writer.changed(logger: context.logger) {
            if case .budgetingProjectsCompleted(let round) = $0 { return round == nil || round == roundId }
            return false
        }
        return proposal
    }
}

/// The round with `id` and its secret, or a 404.
func loadRound(_ id: String, _ repository: any ParticipationRepository) async throws -> BudgetingRoundRecord {
    guard let record = try await repository.round(id: id) else { throw ServiceError.notFound("no participatory-budgeting round '\(id)'") }
    return record
}

/// The proposal `id` of round `round`, or a 404.
func loadProposal(_ id: String, round: String, _ repository: any ParticipationRepository) async throws -> BudgetingProposal {
    guard let proposal = try await repository.proposals(roundId: round).first(where: { $0.id == id }) else {
        throw ServiceError.notFound("round '\(round)' has no proposal '\(id)'", details: ["field": "proposalId"])
    }
    return proposal
}

/// Counts the stored ballots of `round`.
func count(_ round: BudgetingRound, _ repository: any ParticipationRepository) async throws -> ParticipationContracts.Tally.Response {
    let proposals = try await repository.proposals(roundId: round.id)
    let ballots = try await repository.ballots(roundId: round.id)
    do throws(BudgetingRefusal) {
        return try round.count(proposals: proposals, ballots: ballots)
    } catch {
        throw ServiceError.refused(error)
    }
}

/// The round after voting closed, with its result kept: the first call counts the ballots, keeps the
/// result and marks the winners planned.
func countedRound(_ id: String, _ repository: any ParticipationRepository, clock: ParticipationClock,
                  to action: String) async throws -> BudgetingRoundRecord {
    var record = try await loadRound(id, repository)
    do throws(BudgetingRefusal) {
        try record.round.require([.results, .implementation], at: clock(), to: action)
    } catch {
        throw ServiceError.refused(error)
    }
    guard record.result == nil else { return record }
    let result = try await count(record.round, repository)
    record.result = result
    let now = clock()
    let winners = try await repository.proposals(roundId: record.round.id).filter { result.winners.contains($0.id) }.map {
        var proposal = $0
        proposal.implementation = BudgetingImplementation(status: .planned, updatedAt: now)
        return proposal
    }
    try await repository.saveProposals(winners)
    try await repository.saveRound(record)
    return record
}
