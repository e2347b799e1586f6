import Foundation

extension ParticipationContracts {
    /// Names one participatory-budgeting round.
    public struct RoundRef: Codable, Sendable, Hashable {
        public var roundId: String
        public init(roundId: String) { self.roundId = roundId }
    }

    /// `pb.round.create`: create a round (its secret is made by the service and never leaves it).
    /// 400 names the field; 409 when the id is taken.
    public struct RoundCreate: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.round.create"
        public static let version = 1
        public typealias Request = BudgetingRound
        public typealias Response = BudgetingRound
    }

    /// `pb.round.get`: one round; 404 when there is none.
    public struct RoundGet: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.round.get"
        public static let version = 1
        public typealias Request = RoundRef
        public typealias Response = BudgetingRound
    }

    /// `pb.round.list`: every round, by id.
    public struct RoundList: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.round.list"
        public static let version = 1
        public typealias Request = Empty
        public typealias Response = [BudgetingRound]
    }

    /// `pb.propose`: a proposal with a cost estimate, in the proposals phase (409 otherwise).
    public struct Propose: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.propose"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var roundId: String
            public var id: String
            public var area: String?
            public var title: LocalizedText
            public var description: LocalizedText?
            public var cost: Double
            public init(roundId: String, id: String, area: String? = nil, title: LocalizedText, description: LocalizedText? = nil,
                        cost: Double) {
                self.roundId = roundId
                self.id = id
                self.area = area
                self.title = title
                self.description = description
                self.cost = cost
            }
        }
        public typealias Response = BudgetingProposal
    }

    /// `pb.proposals`: every proposal of a round with its screening and implementation.
    public struct Proposals: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.proposals"
        public static let version = 1
        public typealias Request = RoundRef
        public typealias Response = [BudgetingProposal]
    }

    /// `pb.screen`: mark a proposal feasible or not (a reason is required then), in the proposals or
    /// screening phase. Only feasible proposals are on the ballot.
    public struct Screen: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.screen"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var roundId: String
            public var proposalId: String
            public var feasible: Bool
            public var reason: LocalizedText?
            public init(roundId: String, proposalId: String, feasible: Bool, reason: LocalizedText? = nil) {
                self.roundId = roundId
                self.proposalId = proposalId
                self.feasible = feasible
                self.reason = reason
            }
        }
        public typealias Response = BudgetingProposal
    }

    /// `pb.vote`: a voter's ballot while voting is open; a later ballot of the same voter replaces it.
    /// A ballot breaking the rule is 400 with the reason; after voting closes 409.
    public struct Vote: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.vote"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var roundId: String
            /// The identity the gateway authenticated; stored only as an HMAC keyed with the round's secret.
            public var voterId: String
            /// Ids of the chosen projects.
            public var choices: [String]
            public init(roundId: String, voterId: String, choices: [String]) {
                self.roundId = roundId
                self.voterId = voterId
                self.choices = choices
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            /// True when an earlier ballot of the voter was replaced.
            public var replaced: Bool
            /// A confirmation for the voter.
            public var message: LocalizedText
            public init(replaced: Bool, message: LocalizedText) {
                self.replaced = replaced
                self.message = message
            }
        }
    }

    /// The results of a round with the winning projects and their implementation status.
    public struct RoundResults: Codable, Sendable, Hashable {
        public var roundId: String
        public var result: Tally.Response
        /// The winning proposals, in rank order.
        public var winners: [BudgetingProposal]
        public init(roundId: String, result: Tally.Response, winners: [BudgetingProposal]) {
            self.roundId = roundId
            self.result = result
            self.winners = winners
        }
    }

    /// `pb.results`: the result, counted once voting has closed and kept; 409 before.
    public struct Results: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.results"
        public static let version = 1
        public typealias Request = RoundRef
        public typealias Response = RoundResults
    }

    /// `pb.recount`: count the stored ballots again and compare with the kept result.
    public struct Recount: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.recount"
        public static let version = 1
        public typealias Request = RoundRef
        public struct Response: Codable, Sendable, Hashable {
            public var recounted: Tally.Response
            /// The result kept by `pb.results`, if it has been asked for.
            public var stored: Tally.Response?
            /// True when the recount equals the kept result (or nothing was kept yet).
            public var matches: Bool
            public init(recounted: Tally.Response, stored: Tally.Response?, matches: Bool) {
                self.recounted = recounted
                self.stored = stored
                self.matches = matches
            }
        }
    }

    /// `pb.implementation`: set the implementation status of a winning project once results are out.
    public struct Implementation: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.implementation"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var roundId: String
            public var proposalId: String
            public var status: BudgetingImplementationStatus
            public var note: LocalizedText?
            public init(roundId: String, proposalId: String, status: BudgetingImplementationStatus, note: LocalizedText? = nil) {
                self.roundId = roundId
                self.proposalId = proposalId
                self.status = status
                self.note = note
            }
        }
        public typealias Response = BudgetingProposal
    }
}
