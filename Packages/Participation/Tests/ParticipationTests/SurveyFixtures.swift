import Foundation
import Model

/// A resident survey with one question of every kind.
func residentSurvey(id: String = "asukaskysely", anonymous: Bool = true, visibleBeforeClose: Bool = false,
                    invitationOnly: Bool = false) -> Survey {
    Survey(id: id, title: text("Asukaskysely", "Invånarenkät", "Resident survey"), questions: [
        SurveyQuestion(id: "alue", label: text("Asuinalue", "Bostadsområde", "Area"),
                       kind: .singleChoice(options: [SurveyOption(id: "keskusta", label: text("Keskusta", "Centrum", "Centre")),
                                                     SurveyOption(id: "kylä", label: text("Kylä", "By", "Village"))]),
                       required: true),
        SurveyQuestion(id: "harrastukset", label: text("Harrastukset", "Fritidsintressen", "Hobbies"),
                       kind: .multipleChoice(options: [SurveyOption(id: "liikunta", label: text("Liikunta", "Motion", "Sports")),
                                                       SurveyOption(id: "kulttuuri", label: text("Kulttuuri", "Kultur", "Culture")),
                                                       SurveyOption(id: "luonto", label: text("Luonto", "Natur", "Nature"))],
                                             min: 1, max: 2)),
        SurveyQuestion(id: "tyytyväisyys", label: text("Tyytyväisyys", "Nöjdhet", "Satisfaction"), kind: .likert(points: 6),
                       required: true),
        SurveyQuestion(id: "suosittelu", label: text("Suosittelisitko?", "Skulle du rekommendera?", "Would you recommend?"),
                       kind: .nps),
        SurveyQuestion(id: "ikä", label: text("Ikä", "Ålder", "Age"), kind: .number(min: 0, max: 120)),
        SurveyQuestion(id: "palaute", label: text("Palaute", "Respons", "Feedback"), kind: .freeText),
    ], targetGroup: text("Täysi-ikäiset asukkaat"), targetSize: 8, anonymous: anonymous,
       resultsVisibleBeforeClose: visibleBeforeClose, invitationOnly: invitationOnly)
}
