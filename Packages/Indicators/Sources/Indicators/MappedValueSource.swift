import Model

/// A value reader whose values get their ids rewritten (to the stored catalogue's) as they are read.
struct MappedValueSource: IndicatorValueSource {
    private var base: any IndicatorValueSource
    private let map: (inout IndicatorValue) -> Void

    init(_ base: any IndicatorValueSource, map: @escaping (inout IndicatorValue) -> Void) {
        self.base = base
        self.map = map
    }

    var fileName: String { base.fileName }

    mutating func nextValue() throws(IndicatorParseError) -> (value: IndicatorValue, location: SourceLocation)? {
        guard var next = try base.nextValue() else { return nil }
        map(&next.value)
        return next
    }
}
