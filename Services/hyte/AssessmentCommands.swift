import ArgumentParser
import Foundation
import Model

/// `hyte assessment …`: child, human and business impact assessments of decisions.
struct AssessmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment", abstract: "Impact assessments (child, human, business) of decisions being prepared.",
        subcommands: [Save.self, List.self, Show.self])

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or replace an assessment from a JSON or YAML file.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The assessment as JSON or YAML.") var file: String

        func run() async throws {
            let assessment = try await options.call(ParticipationContracts.AssessmentSave.self,
                                                    try readRecordFile(ImpactAssessment.self, path: file))
            try options.print(assessment) { AssessmentText.line(assessment, options.lang) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List assessments, of one year when given.")
        @OptionGroup var options: ParticipationOptions
        @Option(name: .long, help: "The year of the assessment.") var year: Int?

        func run() async throws {
            let assessments = try await options.call(ParticipationContracts.AssessmentList.self, .init(year: year))
            try options.print(assessments) {
                hyteTable(ParticipationText.header(["id", "date", "kind", "decision"], options.lang), assessments.map {
                    [$0.id, ParticipationText.date($0.date, options.lang),
                     $0.kinds.map { $0.label.text(options.lang) }.joined(separator: ", "), $0.decision.text(options.lang)]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one assessment.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The assessment id.") var id: String

        func run() async throws {
            let assessment = try await options.call(ParticipationContracts.AssessmentGet.self, .init(id: id))
            try options.print(assessment) {
                [AssessmentText.line(assessment, options.lang), "  \(assessment.heard.joined(separator: ", "))",
                 "  \(assessment.effects.text(options.lang))", "  → \(assessment.conclusion.text(options.lang))"]
                    .joined(separator: "\n")
            }
        }
    }
}

/// The text form of impact assessments.
enum AssessmentText {
    static func line(_ assessment: ImpactAssessment, _ language: Language) -> String {
        "\(assessment.id): \(assessment.decision.text(language)) (\(ParticipationText.date(assessment.date, language)); "
            + "\(assessment.kinds.map { $0.label.text(language) }.joined(separator: ", ")))"
    }
}
