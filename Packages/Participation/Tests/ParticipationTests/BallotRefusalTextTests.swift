import Model
import Participation
import Testing

@Suite struct BallotRefusalTextTests {
    @Test func amountsAreWrittenTheFinnishWayForVoters() {
        let refusal = BallotRefusal.overBudget(cost: 1_234_567.5, budget: 999)
        #expect(refusal.text.fi == "Valitut hankkeet maksavat yhteensä 1\u{00A0}234\u{00A0}567,50 €, enemmän kuin budjetti 999 €.")
        #expect(refusal.text.en == "The chosen projects cost 1234567.50 € in total, more than the budget of 999 €.")
        #expect(BallotRefusal.empty.text.sv == "Välj minst ett projekt.")
    }
}
