import Model

/// A change of one series from one period to the next, judged by the indicator's direction:
/// a line of a welfare report's "positive and negative developments".
public struct IndicatorDevelopment: Sendable, Hashable {
    /// The indicator.
    public var indicator: IndicatorDefinition
    /// The series' region.
    public var region: String
    /// The series' gender.
    public var gender: Gender
    /// The series' population group, if any.
    public var group: IndicatorPopulationGroup?
    /// The earlier period and value.
    public var from: IndicatorSeries.Point
    /// The later period and value.
    public var to: IndicatorSeries.Point
    /// The change relative to the earlier value, signed so that positive is better (0.1 = 10 % better).
    public var improvement: Double

    /// True when the change is for the better.
    public var isPositive: Bool { improvement > 0 }

    /// A sentence for a reader, e.g. "Tuntee itsensä yksinäiseksi (8.–9. luokkalaiset): heikkeni, 10 % → 12 % (2019–2021)."
    public func sentence(_ language: Language) -> String {
        let name = indicator.name.resolved(language)?.text ?? indicator.id
        let groupText = group.flatMap { $0.label.resolved(language)?.text }.map { " (\($0))" } ?? ""
        let verb: String = switch (language, isPositive) {
        case (.fi, true): "parani"
        case (.fi, false): "heikkeni"
        case (.sv, true): "förbättrades"
        case (.sv, false): "försämrades"
        case (.en, true): "improved"
        case (.en, false): "worsened"
        }
        func shown(_ point: IndicatorSeries.Point) -> String {
            point.value.map { IndicatorFormat.value($0, unit: indicator.unit, decimals: indicator.decimals, language: language) } ?? "–"
        }
        return "\(name)\(groupText): \(verb), \(shown(from)) → \(shown(to)) (\(from.period)–\(to.period))."
    }

    /// The developments of `series` into `period` (from each series' previous known value), for
    /// indicators with a better direction, optionally only those in `linked`; split into positive
    /// ones (best first) and negative ones (worst first), each at most `limit`, leaving out changes
    /// smaller than `threshold` (relative).
    public static func developments(series: [IndicatorSeries], definitions: [IndicatorDefinition], into period: ReportingPeriod,
                                    linked: Set<String>? = nil, threshold: Double = 0.02,
                                    limit: Int = 5) -> (positive: [IndicatorDevelopment], negative: [IndicatorDevelopment]) {
        var byId: [String: IndicatorDefinition] = [:]
        for definition in definitions where byId[definition.id] == nil { byId[definition.id] = definition }
        var all: [IndicatorDevelopment] = []
        for line in series {
            guard let definition = byId[line.indicator], definition.direction != .neutral,
                  linked?.contains(line.indicator) ?? true else { continue }
            let known = line.points.filter { $0.value != nil }.sorted { $0.period < $1.period }
            guard let toIndex = known.firstIndex(where: { $0.period == period }), toIndex > 0,
                  let now = known[toIndex].value, let before = known[toIndex - 1].value, before != 0 else { continue }
            let sign: Double = definition.direction == .higherIsBetter ? 1 : -1
            let improvement = (now - before) / abs(before) * sign
            guard abs(improvement) >= threshold else { continue }
            all.append(IndicatorDevelopment(indicator: definition, region: line.region, gender: line.gender, group: line.group,
                                            from: known[toIndex - 1], to: known[toIndex], improvement: improvement))
        }
        // Ties are broken by indicator id and group so that the order does not depend on the input order.
        func order(_ a: IndicatorDevelopment, _ b: IndicatorDevelopment) -> Bool {
            (a.indicator.id, a.group?.id ?? "", a.region) < (b.indicator.id, b.group?.id ?? "", b.region)
        }
        let positive = all.filter(\.isPositive).sorted { $0.improvement != $1.improvement ? $0.improvement > $1.improvement : order($0, $1) }
        let negative = all.filter { !$0.isPositive }.sorted { $0.improvement != $1.improvement ? $0.improvement < $1.improvement : order($0, $1) }
        return (Array(positive.prefix(limit)), Array(negative.prefix(limit)))
    }
}
