import Model

/// A table with a caption, column headers and typed cells. The first column holds row headers
/// when `firstColumnIsHeader` is set.
public struct ReportTable: Sendable, Hashable {
    /// Said above the table (and used as its caption in HTML).
    public var caption: String
    /// The column headers.
    public var columns: [String]
    /// The rows; each has as many cells as there are columns.
    public var rows: [[ReportCell]]
    /// Whether the first cell of each row names the row (`<th scope="row">`).
    public var firstColumnIsHeader: Bool

    /// A table.
    public init(caption: String, columns: [String], rows: [[ReportCell]], firstColumnIsHeader: Bool = false) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.firstColumnIsHeader = firstColumnIsHeader
    }
}
