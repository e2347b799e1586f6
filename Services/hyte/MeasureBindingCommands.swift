import ArgumentParser
import Foundation
import Model

/// A participation figure as the command line takes it (``ParticipationFigure/forms``).
extension ParticipationFigure: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension BindingPeriods: ExpressibleByArgument {}

extension PlanCommand.MeasureCommand {
    /// `hyte plan measure bind PLAN/NUMBER MEASURE --figure …`.
    struct Bind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bind a measure to a participation figure; its values are then written into the plan's follow-up.",
            discussion: """
                Figures: \(ParticipationFigure.forms). The value of each period is written as the \
                measure's value in a status report of the item whenever the records behind the figure change.
                """)
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "PLAN/NUMBER of the item that holds the measure.") var item: ItemReference
        @Argument(help: "The measure's id.") var measure: String
        @Option(name: .long, help: ArgumentHelp("The figure.", valueName: "figure")) var figure: ParticipationFigure
        @Option(name: .long, help: "The length of the periods written: year, half-year or quarter.") var periods: BindingPeriods = .year

        func run() async throws {
            let state = try await options.call(ParticipationContracts.BindingSave.self,
                                               MeasureBinding(planId: item.plan, item: item.item, measureId: measure,
                                                              figure: figure, periods: periods))
            try options.print(state) { BindingText.lines(state, options.lang) }
        }
    }

    /// `hyte plan measure unbind PLAN/NUMBER MEASURE`.
    struct Unbind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the binding of a measure; the values already written stay in the plan.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "PLAN/NUMBER of the item that holds the measure.") var item: ItemReference
        @Argument(help: "The measure's id.") var measure: String

        func run() async throws {
            let binding = try await options.call(ParticipationContracts.BindingDelete.self,
                                                 .init(planId: item.plan, item: item.item, measureId: measure))
            try options.print(binding) {
                IndicatorText.word("Sidonta poistettu", "Bindningen borttagen", "Binding removed", options.lang)
                    + ": \(binding.planId)/\(binding.key) (\(binding.figure))"
            }
        }
    }

    /// `hyte plan measure bindings [PLAN]`.
    struct Bindings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List bound measures with their figures' values.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The plan's id (default: every plan).") var plan: String?

        func run() async throws {
            let states = try await options.call(ParticipationContracts.BindingList.self, .init(planId: plan))
            try options.print(states) { BindingText.table(states, options.lang) }
        }
    }

    /// `hyte plan measure sync [PLAN]`.
    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute every bound figure again and write the values that changed into the plans.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The plan's id (default: every plan).") var plan: String?

        func run() async throws {
            let states = try await options.call(ParticipationContracts.BindingSync.self, .init(planId: plan))
            try options.print(states) { states.map { BindingText.lines($0, options.lang) }.joined(separator: "\n") }
            if states.contains(where: { $0.problem != nil }) { throw GatewayExit.refused }
        }
    }
}

/// The text form of measure bindings.
enum BindingText {
    static func values(_ values: [ParticipationContracts.PeriodValue], _ language: Language) -> String {
        values.isEmpty ? IndicatorText.word("ei vielä arvoa", "inget värde ännu", "no value yet", language)
            : values.map { "\($0.period) \(ParticipationText.number($0.value, language))" }.joined(separator: ", ")
    }

    static func lines(_ state: ParticipationContracts.BindingState, _ language: Language) -> String {
        let binding = state.binding
        var lines = ["\(binding.planId)/\(binding.key) ← \(state.label.text(language)) (\(binding.figure))",
                     "  " + values(state.values, language)]
        if !state.written.isEmpty {
            lines.append("  " + IndicatorText.word("kirjattu suunnitelmaan", "införts i planen", "written to the plan", language)
                         + ": " + state.written.map(\.period.description).joined(separator: ", "))
        }
        if let problem = state.problem {
            lines.append("  " + IndicatorText.word("ei kirjattu", "inte infört", "not written", language) + ": \(problem)")
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ states: [ParticipationContracts.BindingState], _ language: Language) -> String {
        guard !states.isEmpty else {
            return IndicatorText.word("Ei sidottuja mittareita.", "Inga bundna mätare.", "No bound measures.", language)
        }
        return hyteTable([IndicatorText.word("mittari", "mätare", "measure", language),
                          IndicatorText.word("luku", "tal", "figure", language),
                          IndicatorText.word("arvot", "värden", "values", language)],
                         states.map { ["\($0.binding.planId)/\($0.binding.key)", $0.label.text(language), values($0.values, language)] })
    }
}
