import BusCore
import Model

/// A participation figure bound to a measure of the plan, with its value in one period.
public struct ReportParticipationRow: Sendable, Hashable {
    /// The number of the plan item that holds the measure.
    public var item: String
    public var measureId: String
    /// The figure, e.g. "Keskiarvo: Asiakastyytyväisyyskysely 2021: Tyytyväisyys".
    public var label: LocalizedText
    public var period: ReportingPeriod
    public var value: Double
    /// True for a response rate, shown as a percentage.
    public var isPercent: Bool

    public init(item: String, measureId: String, label: LocalizedText, period: ReportingPeriod, value: Double, isPercent: Bool) {
        self.item = item
        self.measureId = measureId
        self.label = label
        self.period = period
        self.value = value
        self.isPercent = isPercent
    }

    /// The rows of `states` whose period falls in `years`, ordered by item, measure and period.
    public static func rows(_ states: [ParticipationContracts.BindingState], years: ClosedRange<Int>) -> [ReportParticipationRow] {
        states.flatMap { state in
            state.values.filter { years.contains($0.period.year) }.map { value in
                var isPercent = false
                if case .surveyResponseRate = state.binding.figure { isPercent = true }
                return ReportParticipationRow(item: state.binding.item, measureId: state.binding.measureId, label: state.label,
                                              period: value.period, value: value.value, isPercent: isPercent)
            }
        }.sorted { ($0.item, $0.measureId, $0.period) < ($1.item, $1.measureId, $1.period) }
    }
}

/// Where the welfare reports get the participation figures bound to a plan's measures.
public protocol ReportParticipationSource: Sendable {
    /// The bindings of `planId` with their values, or nil when the participation service cannot tell.
    func bindings(planId: String, context: RequestContext) async -> [ParticipationContracts.BindingState]?
}

/// Asks the participation service for `binding.list` over the request's bus; any failure is nil.
public struct BusReportParticipationSource: ReportParticipationSource {
    public var timeout: Duration

    public init(timeout: Duration = .seconds(20)) { self.timeout = timeout }

    public func bindings(planId: String, context: RequestContext) async -> [ParticipationContracts.BindingState]? {
        do {
            let bus = try context.requireBus()
            guard (try? await bus.serviceIsRegistered(ServiceName.participation, options: .once(.seconds(2)))) == true else {
                context.logger.warning("participation results not available; the participation service is not running")
                return nil
            }
            return try await bus.call(ParticipationContracts.BindingList.self, .init(planId: planId), headers: context.headers,
                                      options: .once(timeout))
        } catch {
            context.logger.warning("participation results not available", metadata: ["reason": "\(error)"])
            return nil
        }
    }
}

extension WelfareReportInputs {
    /// The participation section: the bound measures' figures as a table, the sentences given, or
    /// why there is nothing to show.
    func participationSection(_ context: ReportPlanContext) -> ReportSection {
        var blocks: [ReportBlock] = []
        if !participationRows.isEmpty {
            let titles = Dictionary(context.input.document.allItems.flatMap { entry in
                entry.item.measures.map { ("\(entry.item.number)/\($0.id)", $0.title) }
            }) { first, _ in first }
            let rows = participationRows.map { row -> [ReportCell] in
                let decimals = row.value == row.value.rounded() ? 0 : 1
                return [.text(row.item), .content(context.text(titles["\(row.item)/\(row.measureId)"])), .content(context.text(row.label)),
                        .text(context.format.period(row.period)),
                        row.isPercent ? .percent(row.value, decimals: 1) : .number(row.value, decimals: decimals)]
            }
            blocks.append(.table(ReportTable(caption: context.term(.participationMeasures), columns: [
                context.term(.number), context.term(.measure), context.term(.participationFigure), context.term(.period), context.term(.value),
            ], rows: rows, firstColumnIsHeader: true)))
        }
        if !participation.isEmpty { blocks.append(.list(participation.map { context.text($0) })) }
        if blocks.isEmpty {
            blocks.append(.paragraph(ReportText(context.term(participationUnavailable ? .participationUnavailable : .participationEmpty))))
        }
        return ReportSection(context.term(.participation), blocks: blocks)
    }
}
