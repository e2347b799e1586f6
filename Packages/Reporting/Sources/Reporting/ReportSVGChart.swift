import Model

/// Draws a `ReportChart` as inline SVG: `role="img"` with a `<title>` and a `<desc>`; lines differ by
/// dash pattern and marker shape, bar segments carry their counts as text, and a legend names
/// every series with its symbol, so colour is never the only carrier of meaning.
struct ReportSVGChart {
    let chart: ReportChart
    let language: Language
    /// A unique id prefix for `aria-labelledby`.
    let id: String

    static let width = 720.0
    static let grid = "#d0d0d0"
    static let ink = "#1a1a1a"

    /// Line colours with at least 4.5:1 contrast on white.
    static let lineColours = ["#1f4e99", "#a14a00", "#3d3d3d", "#6a1b9a"]
    static let dashes = ["", "8 4", "2 3", "10 3 2 3"]

    /// Fill colours of status and colour-class segments, with the text colour that contrasts with each.
    static func fill(_ tone: String) -> (fill: String, text: String) {
        switch tone {
        case "status-done", "cc-good": ("#2e7d32", "#ffffff")
        case "status-in-progress": ("#1565c0", "#ffffff")
        case "status-not-started", "cc-neutral": ("#bdbdbd", "#1a1a1a")
        case "status-not-done", "cc-worrying": ("#c62828", "#ffffff")
        case "status-postponed": ("#f2a93b", "#1a1a1a")
        case "status-cancelled": ("#5f5f5f", "#ffffff")
        case "missing": ("#ffffff", "#1a1a1a")
        default: ("#757575", "#ffffff")
        }
    }

    func svg() -> String {
        switch chart.kind {
        case .line(let years, let series): lineChart(years: years, series: series)
        case .stackedBar(_, let categories, let segments): barChart(categories: categories, segments: segments)
        }
    }

    private func open(height: Double) -> String {
        let title = ReportMarkup.escape(chart.title), description = ReportMarkup.escape(chart.description)
        return #"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="\#(Int(Self.width))" height="\#(Int(height))" "#
            + #"viewBox="0 0 \#(Int(Self.width)) \#(Int(height))" aria-labelledby="\#(id)-title \#(id)-desc" class="chart">"#
            + #"<title id="\#(id)-title">\#(title)</title><desc id="\#(id)-desc">\#(description)</desc>"#
    }

    private func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Int = 12,
                      fill: String = "#1a1a1a", weight: String? = nil) -> String {
        let weightAttribute = weight.map { #" font-weight="\#($0)""# } ?? ""
        return #"<text x="\#(ReportMarkup.coordinate(x))" y="\#(ReportMarkup.coordinate(y))" text-anchor="\#(anchor)" "#
            + #"font-size="\#(size)" fill="\#(fill)"\#(weightAttribute)>\#(ReportMarkup.escape(content))</text>"#
    }

    private func lineChart(years: [Int], series: [ReportSeries]) -> String {
        let format = ReportNumberFormat(language)
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let legendRows = Double(series.count)
        let height = 300.0 + legendRows * 20
        let left = 70.0, right = Self.width - 20, top = 20.0, bottom = 250.0
        var low = values.min() ?? 0, high = values.max() ?? 1
        if chart.unit == "%" || low >= 0 { low = min(0, low) }
        if high == low { high = low + 1 }
        let step = Self.niceStep((high - low) / 5)
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        func y(_ value: Double) -> Double { bottom - (value - low) / (high - low) * (bottom - top) }
        func x(_ index: Int) -> Double {
            years.count < 2 ? (left + right) / 2 : left + Double(index) / Double(years.count - 1) * (right - left - 20) + 10
        }
        var out = open(height: height)
        out += #"<g aria-hidden="true">"#
        var tick = low
        let decimals = step < 1 ? (step < 0.1 ? 2 : 1) : 0
        while tick <= high + step / 2 {
            out += #"<line x1="\#(left)" y1="\#(ReportMarkup.coordinate(y(tick)))" x2="\#(right)" y2="\#(ReportMarkup.coordinate(y(tick)))" stroke="\#(Self.grid)" stroke-width="1"/>"#
            let label = chart.unit == "%" ? format.percent(tick, decimals: decimals) : format.number(tick, decimals: decimals)
            out += text(left - 8, y(tick) + 4, label, anchor: "end")
            tick += step
        }
        out += #"<line x1="\#(left)" y1="\#(bottom)" x2="\#(right)" y2="\#(bottom)" stroke="\#(Self.ink)" stroke-width="1"/>"#
        for (index, year) in years.enumerated() {
            out += text(x(index), bottom + 18, String(year), anchor: "middle")
        }
        for (seriesIndex, line) in series.enumerated() {
            let style = line.style % Self.lineColours.count
            let colour = Self.lineColours[style]
            var segments: [[(Double, Double)]] = [[]]
            for (index, value) in line.values.enumerated() where index < years.count {
                if let value { segments[segments.count - 1].append((x(index), y(value))) } else if !segments[segments.count - 1].isEmpty {
                    segments.append([])
                }
            }
            for segment in segments where segment.count > 1 {
                let points = segment.map { "\(ReportMarkup.coordinate($0.0)),\(ReportMarkup.coordinate($0.1))" }.joined(separator: " ")
                let dash = Self.dashes[style].isEmpty ? "" : #" stroke-dasharray="\#(Self.dashes[style])""#
                out += #"<polyline points="\#(points)" fill="none" stroke="\#(colour)" stroke-width="2.5"\#(dash)/>"#
            }
            for point in segments.flatMap({ $0 }) { out += marker(style: style, x: point.0, y: point.1, colour: colour) }
            let legendY = bottom + 42 + Double(seriesIndex) * 20
            let dash = Self.dashes[style].isEmpty ? "" : #" stroke-dasharray="\#(Self.dashes[style])""#
            out += #"<line x1="\#(left)" y1="\#(legendY - 4)" x2="\#(left + 36)" y2="\#(legendY - 4)" stroke="\#(colour)" stroke-width="2.5"\#(dash)/>"#
            out += marker(style: style, x: left + 18, y: legendY - 4, colour: colour)
            out += text(left + 46, legendY, line.name)
        }
        out += "</g></svg>"
        return out
    }

    private func marker(style: Int, x: Double, y: Double, colour: String) -> String {
        let cx = ReportMarkup.coordinate(x), cy = ReportMarkup.coordinate(y)
        switch style {
        case 0: return #"<circle cx="\#(cx)" cy="\#(cy)" r="4" fill="\#(colour)"/>"#
        case 1: return #"<rect x="\#(ReportMarkup.coordinate(x - 4))" y="\#(ReportMarkup.coordinate(y - 4))" width="8" height="8" fill="\#(colour)"/>"#
        default:
            let points = "\(ReportMarkup.coordinate(x)),\(ReportMarkup.coordinate(y - 5)) \(ReportMarkup.coordinate(x - 5)),\(ReportMarkup.coordinate(y + 4)) \(ReportMarkup.coordinate(x + 5)),\(ReportMarkup.coordinate(y + 4))"
            return #"<polygon points="\#(points)" fill="\#(colour)"/>"#
        }
    }

    private func barChart(categories: [String], segments: [ReportBarSegment]) -> String {
        let labelWidth = 230.0, barHeight = 26.0, gap = 12.0, top = 10.0
        let left = labelWidth + 10, right = Self.width - 50
        let totals = categories.indices.map { index in segments.reduce(0) { $0 + (index < $1.values.count ? $1.values[index] : 0) } }
        let maximum = max(totals.max() ?? 1, 1)
        let legendTop = top + Double(categories.count) * (barHeight + gap) + 10
        let legendRows = (Double(segments.count) / 3).rounded(.up)
        let height = legendTop + legendRows * 22 + 10
        let format = ReportNumberFormat(language)
        var out = open(height: height) + #"<g aria-hidden="true">"#
        for (index, category) in categories.enumerated() {
            let y = top + Double(index) * (barHeight + gap)
            let label = category.count > 34 ? String(category.prefix(33)) + "…" : category
            out += text(labelWidth, y + barHeight / 2 + 4, label, anchor: "end")
            var x = left
            for segment in segments {
                let value = index < segment.values.count ? segment.values[index] : 0
                guard value > 0 else { continue }
                let width = value / maximum * (right - left)
                let colours = Self.fill(segment.tone)
                out += #"<rect x="\#(ReportMarkup.coordinate(x))" y="\#(ReportMarkup.coordinate(y))" width="\#(ReportMarkup.coordinate(width))" height="\#(barHeight)" fill="\#(colours.fill)" stroke="\#(Self.ink)" stroke-width="0.5"/>"#
                if width >= 22 {
                    out += text(x + width / 2, y + barHeight / 2 + 4, format.number(value, decimals: chart.decimals),
                                anchor: "middle", fill: colours.text, weight: "bold")
                }
                x += width
            }
            out += text(x + 6, y + barHeight / 2 + 4, format.number(totals[index], decimals: chart.decimals))
        }
        for (index, segment) in segments.enumerated() {
            let x = left + Double(index % 3) * 160 - 230
            let y = legendTop + Double(index / 3) * 22
            let colours = Self.fill(segment.tone)
            out += #"<rect x="\#(ReportMarkup.coordinate(x + 240))" y="\#(ReportMarkup.coordinate(y))" width="14" height="14" fill="\#(colours.fill)" stroke="\#(Self.ink)" stroke-width="0.5"/>"#
            out += text(x + 260, y + 12, "\(segment.symbol) \(segment.name)")
        }
        out += "</g></svg>"
        return out
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where power * factor >= raw { return power * factor }
        return power * 10
    }
}
