import Foundation
import Model
import Testing

@Suite struct LocalizedTextTests {
    @Test func returnsTheRequestedLanguageWhenPresent() {
        let text = LocalizedText(fi: "Loviisa", sv: "Lovisa")
        #expect(text.resolved(.sv)?.text == "Lovisa")
        #expect(text.resolved(.sv)?.language == .sv)
    }

    @Test func fallsBackToFinnishThenSwedishAndSaysWhich() {
        let finnishOnly = LocalizedText(fi: "Perusturvakeskus")
        #expect(finnishOnly.resolved(.en)?.text == "Perusturvakeskus")
        #expect(finnishOnly.resolved(.en)?.language == .fi)
        let swedishOnly = LocalizedText(sv: "Bykväll", en: "")
        #expect(swedishOnly.resolved(.en)?.language == .sv)
    }

    @Test func emptyTextsCountAsMissing() {
        #expect(LocalizedText(fi: "", sv: nil, en: "").isEmpty)
        #expect(LocalizedText(fi: "", en: "").resolved(.fi) == nil)
        #expect(!LocalizedText(en: "x").isEmpty)
    }
}

@Suite struct EnvelopeTests {
    @Test func requestHeadersRoundTripThroughJSON() throws {
        let deadline = Date(timeIntervalSince1970: 1_700_000_000)
        let headers = RequestHeaders(requestId: "r-1", actor: Actor(id: "coordinator@loviisa.fi", roles: ["coordinator"], organisations: ["loviisa"]),
                                     deadline: deadline, contractVersion: 2)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(RequestHeaders.self, from: encoder.encode(headers))
        #expect(decoded == headers)
    }

    @Test func onlyTwoHundredsAreSuccess() {
        #expect(Status.ok.isSuccess)
        #expect(Status.created.isSuccess)
        #expect(!Status.badRequest.isSuccess)
        #expect(!Status.serviceUnavailable.isSuccess)
        #expect(Status(rawValue: 409) == .conflict)
    }

    @Test func votingRuleUsesTheDocumentedJSONShape() throws {
        let approval = try JSONDecoder().decode(ParticipationContracts.VotingRule.self, from: Data(#"{"approval":{"maxChoices":3}}"#.utf8))
        #expect(approval == .approval(maxChoices: 3))
        let knapsack = try JSONDecoder().decode(ParticipationContracts.VotingRule.self, from: Data(#"{"knapsack":{}}"#.utf8))
        #expect(knapsack == .knapsack)
    }
}
