import Foundation
import Model
import Participation
import Testing

@Suite struct SurveyTests {
    @Test func aValidResponseBecomesTypedAnswers() throws {
        let answers = try residentSurvey().checkAnswers([
            "alue": ["kylä"], "harrastukset": ["luonto", "liikunta"], "tyytyväisyys": ["5"], "suosittelu": ["9"],
            "ikä": ["42,5"], "palaute": ["  Lisää penkkejä  "],
        ])
        #expect(answers == [
            "alue": .choice("kylä"), "harrastukset": .choices(["liikunta", "luonto"]), "tyytyväisyys": .scale(5),
            "suosittelu": .scale(9), "ikä": .number(42.5), "palaute": .text("Lisää penkkejä"),
        ])
    }

    @Test func everyProblemNamesItsQuestion() {
        let error = #expect(throws: SurveyAnswerErrors.self) {
            try residentSurvey().checkAnswers([
                "alue": ["lähiö"], "harrastukset": ["liikunta", "kulttuuri", "luonto"], "suosittelu": ["11"],
                "ikä": ["neljäkymmentä"], "lempiväri": ["sininen"],
            ])
        }
        #expect(error?.problems.map(\.description) == [
            "question 'alue': unknown option 'lähiö'; the options are keskusta, kylä",
            "question 'harrastukset': too many choices: 3 chosen, at most 2 allowed",
            "question 'tyytyväisyys': an answer is required",
            "question 'suosittelu': 11 is outside the NPS scale 0–10",
            "question 'ikä': 'neljäkymmentä' is not a number",
            "question 'lempiväri': the survey has no such question",
        ])
        #expect(error?.problems[1].text == LocalizedText(fi: "Valitse enintään 2 vaihtoehtoa.", sv: "Välj högst 2 alternativ.",
                                                         en: "Choose at most 2 options."))
        #expect(error?.problems[3].text.sv == "Välj ett heltal mellan 0 och 10.")
    }

    @Test(arguments: [
        (["7"], "7 is outside the scale 1–6"), (["0"], "0 is outside the scale 1–6"), (["4.5"], "4.5 is outside the scale 1–6"),
        (["x"], "'x' is not a number"), (["3", "4"], "one value expected, 2 given"),
    ])
    func aLikertAnswerOutsideTheScaleIsRefused(values: [String], message: String) {
        let error = #expect(throws: SurveyAnswerErrors.self) {
            try residentSurvey().checkAnswers(["alue": ["kylä"], "tyytyväisyys": values])
        }
        #expect(error?.problems.map(\.question) == ["tyytyväisyys"])
        #expect(error?.problems.map(\.message) == [message])
    }

    @Test func limitsAreWrittenWithADecimalCommaForResidents() {
        var survey = residentSurvey()
        survey.questions[4].kind = .number(min: 0.5, max: 2.5)
        let error = #expect(throws: SurveyAnswerErrors.self) {
            try survey.checkAnswers(["alue": ["kylä"], "tyytyväisyys": ["3"], "ikä": ["3"]])
        }
        #expect(error?.problems.first?.message == "3 is above the maximum 2.5")
        #expect(error?.problems.first?.text == LocalizedText(fi: "Suurin sallittu arvo on 2,5.", sv: "Största tillåtna värde är 2,5.",
                                                             en: "The largest allowed value is 2.5."))
    }

    @Test func resultsGiveDistributionsMeansMediansNpsAndTheResponseRate() throws {
        let survey = residentSurvey()
        let raw: [[String: [String]]] = [
            ["alue": ["kylä"], "harrastukset": ["liikunta"], "tyytyväisyys": ["6"], "suosittelu": ["10"], "ikä": ["30"], "palaute": ["Hyvä"]],
            ["alue": ["kylä"], "harrastukset": ["liikunta", "luonto"], "tyytyväisyys": ["4"], "suosittelu": ["9"], "ikä": ["50"]],
            ["alue": ["keskusta"], "tyytyväisyys": ["5"], "suosittelu": ["7"], "palaute": ["Bra"]],
            ["alue": ["kylä"], "tyytyväisyys": ["2"], "suosittelu": ["3"], "ikä": ["70"]],
        ]
        let responses = try raw.enumerated().map {
            SurveyResponse(id: "r\($0.offset)", surveyId: survey.id, answers: try survey.checkAnswers($0.element))
        }
        let results = survey.results(of: responses)
        #expect(results.responses == 4)
        #expect(results.responseRate == 50)
        let area = results.questions[0]
        #expect(area.distribution.map(\.count) == [1, 3])
        #expect(area.distribution.map(\.share) == [0.25, 0.75])
        let hobbies = results.questions[1]
        #expect(hobbies.answered == 2)
        #expect(hobbies.distribution.map(\.count) == [2, 0, 1])
        let satisfaction = results.questions[2]
        #expect(satisfaction.distribution.map(\.value) == ["1", "2", "3", "4", "5", "6"])
        #expect(satisfaction.distribution.map(\.count) == [0, 1, 0, 1, 1, 1])
        #expect(satisfaction.mean == 4.25)
        #expect(satisfaction.median == 4.5)
        let nps = results.questions[3]
        // Promoters 10 and 9 (2), passive 7, detractor 3: (2 − 1) / 4 = 25 %.
        #expect(nps.npsScore == 25)
        #expect(nps.distribution.count == 11)
        let age = results.questions[4]
        #expect(age.mean == 50)
        #expect(age.median == 50)
        #expect(age.distribution.isEmpty)
        #expect(results.questions[5].texts == ["Bra", "Hyvä"])
    }

    @Test func aSurveyThatCannotBeAnsweredIsRefusedNamingTheField() {
        var survey = residentSurvey()
        survey.questions[2].kind = .likert(points: 7)
        #expect(throws: SurveyDefinitionError(field: "questions[2].kind.likert.points", message: "a Likert scale has 5 or 6 points, got 7")) {
            try survey.check()
        }
        survey = residentSurvey()
        survey.questions[1].id = "alue"
        #expect(throws: SurveyDefinitionError(field: "questions[1].id", message: "question id 'alue' appears more than once")) {
            try survey.check()
        }
    }

    @Test func tokensAreRandomAndStoredAsTheirSha256() {
        let first = InvitationToken.generate(), second = InvitationToken.generate()
        #expect(first != second)
        #expect(first.count == 43)
        #expect(InvitationToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // One in 64 base64url strings starts with '-'; a token never does (a command line would take it for an option).
        let many = (0..<2_000).map { _ in InvitationToken.generate() }
        #expect(many.allSatisfy { !$0.hasPrefix("-") && $0.count == 43 })
        #expect(Set(many.map(\.first)).count > 40)  // the other first characters still occur
    }

    @Test func stateAndKindWordsExistInEveryLanguage() {
        for state in SurveyState.allCases { #expect(Language.allCases.allSatisfy { state.label[$0] != nil }) }
        #expect(SurveyState.closed.label == LocalizedText(fi: "suljettu", sv: "stängd", en: "closed"))
    }
}
