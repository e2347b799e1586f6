import Model

/// A section with a heading, its blocks and its subsections; its heading level follows from its depth
/// (top-level sections are `h2`, theirs `h3`, …), so headings never skip a level.
public struct ReportSection: Sendable, Hashable {
    /// The heading text.
    public var heading: ReportText
    /// Content shown under the heading, before the subsections.
    public var blocks: [ReportBlock]
    /// Sections under this one.
    public var subsections: [ReportSection]

    /// A section with `heading`.
    public init(_ heading: ReportText, blocks: [ReportBlock] = [], subsections: [ReportSection] = []) {
        self.heading = heading
        self.blocks = blocks
        self.subsections = subsections
    }

    /// A section with a heading that is a label (never a fallback).
    public init(_ heading: String, blocks: [ReportBlock] = [], subsections: [ReportSection] = []) {
        self.init(ReportText(heading), blocks: blocks, subsections: subsections)
    }
}
