import Model

/// What the welfare reports need beyond the plan: indicators, the developments the coordinator
/// writes (positive and negative), and participation results.
public struct WelfareReportInputs: Sendable {
    /// Indicators of the plan, filled by the caller.
    public var indicators: [ReportIndicator]
    /// Sentences on positive developments, e.g. "Lasten päihteiden käyttö vähenee".
    public var positive: [LocalizedText]
    /// Sentences on negative developments.
    public var negative: [LocalizedText]
    /// Results of participation (surveys, resident panels, participatory budgeting …), one per sentence.
    public var participation: [LocalizedText]
    /// Participation figures bound to the plan's measures, with their values in the report's years.
    public var participationRows: [ReportParticipationRow]
    /// True when the participation service could not be asked.
    public var participationUnavailable: Bool

    /// Inputs; all may be empty.
    public init(indicators: [ReportIndicator] = [], positive: [LocalizedText] = [], negative: [LocalizedText] = [],
                participation: [LocalizedText] = [], participationRows: [ReportParticipationRow] = [],
                participationUnavailable: Bool = false) {
        self.indicators = indicators
        self.positive = positive
        self.negative = negative
        self.participation = participation
        self.participationRows = participationRows
        self.participationUnavailable = participationUnavailable
    }

    /// The sections on indicators, developments and participation, shared by the annual and the term report.
    func sections(_ context: ReportPlanContext) -> [ReportSection] {
        let blocks = ReportIndicatorBlocks(context: context)
        let indicatorSection = indicators.isEmpty
            ? ReportSection(context.term(.indicators), blocks: [.paragraph(ReportText(context.term(.noIndicators)))])
            : ReportSection(context.term(.indicators), blocks: [.table(blocks.table(indicators, caption: context.term(.indicators)))],
                            subsections: indicators.map(blocks.section))
        func list(_ texts: [LocalizedText]) -> ReportBlock {
            texts.isEmpty ? .paragraph(ReportText(context.term(.noneGiven))) : .list(texts.map { context.text($0) })
        }
        return [
            indicatorSection,
            ReportSection(context.term(.developments), subsections: [
                ReportSection(context.term(.positive), blocks: [list(positive)]),
                ReportSection(context.term(.negative), blocks: [list(negative)]),
            ]),
            participationSection(context),
        ]
    }
}
