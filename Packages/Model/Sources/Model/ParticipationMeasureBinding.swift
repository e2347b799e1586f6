import Foundation

/// Binds a measure of a plan to the figure that gives its value for each period.
public struct MeasureBinding: Codable, Sendable, Hashable {
    public var planId: String
    public var measureId: String
    public var figure: ParticipationFigure

    public init(planId: String, measureId: String, figure: ParticipationFigure) {
        self.planId = planId
        self.measureId = measureId
        self.figure = figure
    }
}
