import Model

/// A figure shown large with its label, e.g. "Toteutunut 42 %".
public struct ReportKeyFigure: Sendable, Hashable {
    /// What the figure is.
    public var label: String
    /// The figure.
    public var value: ReportCell

    /// A key figure.
    public init(label: String, value: ReportCell) {
        self.label = label
        self.value = value
    }
}
