import PlanFormats

/// Escapes text for XHTML and SVG: `&`, `<`, `>`, `"`, and leaves out characters XML does not allow.
enum ReportMarkup {
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// A number for an SVG coordinate: at most one decimal, a decimal point.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
