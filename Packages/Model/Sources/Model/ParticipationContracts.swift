import Foundation

/// Participation service operations.
public enum ParticipationContracts {
    /// How ballots of a participatory-budgeting round are cast.
    public enum VotingRule: Codable, Sendable, Hashable {
        /// Choose at most `maxChoices` projects.
        case approval(maxChoices: Int)
        /// Choose projects whose total cost fits the budget.
        case knapsack
    }

    /// A proposal that passed screening and is on the ballot.
    public struct Project: Codable, Sendable, Hashable {
        public var id: String
        public var title: LocalizedText
        /// Cost estimate in euro.
        public var cost: Double
        public init(id: String, title: LocalizedText, cost: Double) {
            self.id = id
            self.title = title
            self.cost = cost
        }
    }

    /// `pb.tally`: count the ballots of a participatory-budgeting round and select the winners.
    ///
    /// Projects are ranked by votes (ties: lower cost first, then id); winners are taken
    /// greedily in rank order while the budget allows, skipping a project that no longer fits.
    /// Ballots that break the voting rule are refused with the reason and not counted.
    public struct Tally: Contract {
        public static let service = ServiceName.participation
        public static let operation = "pb.tally"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var budget: Double
            public var rule: VotingRule
            public var projects: [Project]
            /// Each ballot lists the ids of the projects chosen.
            public var ballots: [[String]]
            public init(budget: Double, rule: VotingRule, projects: [Project], ballots: [[String]]) {
                self.budget = budget
                self.rule = rule
                self.projects = projects
                self.ballots = ballots
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var ranking: [RankedProject]
            public var winners: [String]
            public var spent: Double
            public var countedBallots: Int
            public var refusedBallots: [RefusedBallot]
            public init(ranking: [RankedProject], winners: [String], spent: Double, countedBallots: Int,
                        refusedBallots: [RefusedBallot]) {
                self.ranking = ranking
                self.winners = winners
                self.spent = spent
                self.countedBallots = countedBallots
                self.refusedBallots = refusedBallots
            }
        }
        public struct RankedProject: Codable, Sendable, Hashable {
            public var id: String
            public var votes: Int
            public var cost: Double
            public var funded: Bool
            public init(id: String, votes: Int, cost: Double, funded: Bool) {
                self.id = id
                self.votes = votes
                self.cost = cost
                self.funded = funded
            }
        }
        public struct RefusedBallot: Codable, Sendable, Hashable {
            /// Position of the ballot in the request, from 1.
            public var ballot: Int
            public var reason: String
            public init(ballot: Int, reason: String) {
                self.ballot = ballot
                self.reason = reason
            }
        }
    }
}
