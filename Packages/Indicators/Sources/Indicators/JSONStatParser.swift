import Foundation
import Model

/// Reads a JSON-stat 2.0 dataset, as Statistics Finland's PxWeb gives it, into indicator values.
///
/// The dimensions (`id`, `size`, `dimension`, `role`, `status`) are held in memory — they are
/// small — while `value` is streamed element by element: each value is turned into an
/// ``IndicatorValue`` as it is read. `category.index` may be an object (`{"2002": 0}`, PxWeb v1)
/// or an array (`["2002"]`, PxWeb v2); `value` may be an array (with `null` for missing values)
/// or an object of index → value; `status` may be a string, an array or an object and is
/// checked but not kept. When `value` comes before the dimensions in the file, the values are
/// buffered until the dimensions are known (memory then grows with the value count); the same
/// holds when the mapping leaves a dimension to `role` and `role` comes after `value`, as PxWeb
/// v1 writes it — name `indicator` (or `fixedIndicator`), `region` and `time` in the mapping to
/// stream such files.
///
/// Errors: `size` and `id` of different length, a dimension whose category count is not its
/// size, and a `value` whose length is not the product of `size` are `size_mismatch` errors
/// naming the JSON path (the last is found at the end of `value`, after earlier values were
/// delivered).
public struct JSONStatParser<Bytes: IteratorProtocol<UInt8>>: IndicatorValueSource {
    public var fileName: String { reader.fileName }
    /// The dimensions, once read (in `id` order).
    public private(set) var dimensions: [JSONStatDimension] = []
    private var reader: JSONReader<Bytes>
    private let mapping: JSONStatMapping
    private var ids: [String]?
    private var sizes: [Int]?
    private var dimensionTrees: [String: JSONValue] = [:]
    private var role: JSONValue?
    private var layout: Layout?
    private var state = State.start
    private var buffered: [(Int, Double?)] = []
    private var bufferedIndex = 0
    private var valueCount = 0
    private var valueIsObject = false
    private var statusCount: (count: Int, line: Int)?
    /// True once every member of the dataset was read.
    private var membersDone = false

    private enum State { case start, members, inValue, draining, finished }

    /// Where each field of a value comes from.
    private struct Layout {
        var total: Int
        var strides: [Int]
        var indicator: Int?
        var region: Int
        var time: Int
        var periods: [ReportingPeriod]
        var gender: Int?
        var grouped: [Int]
    }

    /// A parser over any source of bytes.
    public init(fileName: String, bytes: Bytes, mapping: JSONStatMapping = JSONStatMapping()) {
        reader = JSONReader(fileName: fileName, bytes: bytes)
        self.mapping = mapping
    }

    public mutating func nextValue() throws(IndicatorParseError) -> (value: IndicatorValue, location: SourceLocation)? {
        while true {
            switch state {
            case .finished:
                return nil
            case .start:
                try reader.expectStart("a JSON-stat dataset")
                try reader.beginObject("a JSON-stat dataset")
                state = .members
            case .members:
                reader.path = "$"
                guard let key = try reader.nextKey() else {
                    try reader.expectEnd()
                    try finishDataset()
                    state = .draining
                    continue
                }
                reader.path = "$" + SotkanetJSONParser<[UInt8].Iterator>.pathComponent(key)
                switch key {
                case "id": ids = try stringArray(reader.readTree(), field: "id")
                case "size": sizes = try intArray(reader.readTree(), field: "size")
                case "dimension": try readDimensions()
                case "role": role = try reader.readTree()
                case "status": try readStatus()
                case "class":
                    let kind = try reader.readTree()
                    if let text = kind.string, text != "dataset" {
                        throw reader.invalid(.unsupported, field: "class", "only a JSON-stat dataset is read, this is a \(text)")
                    }
                case "value":
                    valueIsObject = reader.peek() == UInt8(ascii: "{")
                    if valueIsObject { try reader.beginObject("the values") } else { try reader.beginArray("the values") }
                    state = .inValue
                default:
                    try reader.skip()
                }
            case .inValue:
                reader.path = "$.value"
                guard let (index, number) = try readNextRawValue() else {
                    state = .members
                    continue
                }
                if try prepareLayout() == nil {
                    buffered.append((index, number))
                    continue
                }
                return try value(at: index, number)
            case .draining:
                guard bufferedIndex < buffered.count else { buffered = []; state = .finished; continue }
                let (index, number) = buffered[bufferedIndex]
                bufferedIndex += 1
                guard try prepareLayout() != nil else { state = .finished; continue }
                return try value(at: index, number)
            }
        }
    }

    /// The next (index, value) of `value`; nil at its end.
    private mutating func readNextRawValue() throws(IndicatorParseError) -> (Int, Double?)? {
        let index: Int
        if valueIsObject {
            guard let key = try reader.nextKey() else { return nil }
            reader.path = "$.value" + SotkanetJSONParser<[UInt8].Iterator>.pathComponent(key)
            guard let parsed = Int(key), parsed >= 0 else {
                throw reader.invalid(.invalidValue, field: "value", "the key '\(key)' of an object 'value' must be an index")
            }
            index = parsed
        } else {
            guard try reader.nextElement() else { return nil }
            index = valueCount
            reader.path = "$.value[\(index)]"
        }
        valueCount += 1
        if let total = layout?.total ?? sizes.map({ $0.reduce(1, *) }), index >= total {
            throw reader.invalid(.sizeMismatch, field: "value",
                                 "there are more values than the product of 'size' (\(total))")
        }
        let scalar = try reader.readScalar()
        switch scalar {
        case .null: return (index, nil)
        case .number(let text):
            guard let number = Double(text), number.isFinite else {
                throw reader.invalid(.nonNumericValue, field: "value", "\(text) is out of range")
            }
            return (index, number)
        case .string(let text):
            // Some producers write numbers as strings; missing-value marks are missing.
            if NumberText.isMissing(text) { return (index, nil) }
            guard let number = NumberText.parse(text) else {
                throw reader.invalid(.nonNumericValue, field: "value", "\"\(text)\" is not a number")
            }
            return (index, number)
        case .bool, .array, .object:
            throw reader.invalid(.nonNumericValue, field: "value", "expected a number or null")
        }
    }

    private mutating func readDimensions() throws(IndicatorParseError) {
        let outer = reader.path
        try reader.beginObject("the dimensions")
        while let key = try reader.nextKey() {
            reader.path = outer + SotkanetJSONParser<[UInt8].Iterator>.pathComponent(key)
            dimensionTrees[key] = try reader.readTree()
            reader.path = outer
        }
    }

    private mutating func readStatus() throws(IndicatorParseError) {
        let line = reader.line
        let tree = try reader.readTree()
        switch tree {
        case .array(let items): statusCount = (items.count, line)
        case .string, .object, .null: break
        default: throw reader.invalid(.invalidValue, field: "status", "expected a string, an array or an object")
        }
    }

    /// Builds the layout once `id`, `size` and `dimension` are known; nil before.
    private mutating func prepareLayout() throws(IndicatorParseError) -> Layout? {
        if let layout { return layout }
        guard let ids, let sizes, !dimensionTrees.isEmpty else { return nil }
        let needsRole = mapping.region == nil || mapping.time == nil || (mapping.indicator == nil && mapping.fixedIndicator == nil)
        if needsRole, role == nil, !membersDone { return nil }
        let saved = reader.path
        defer { reader.path = saved }
        guard ids.count == sizes.count else {
            reader.path = "$.size"
            throw reader.invalid(.sizeMismatch, field: "size", "'size' has \(sizes.count) entries but 'id' names \(ids.count) dimensions")
        }
        var dimensions: [JSONStatDimension] = []
        for (position, id) in ids.enumerated() {
            reader.path = "$.dimension" + SotkanetJSONParser<[UInt8].Iterator>.pathComponent(id)
            guard let tree = dimensionTrees[id] else {
                throw reader.invalid(.missingField, field: id, "'id' names the dimension '\(id)' but 'dimension' has no such member")
            }
            let dimension = try Self.dimension(id: id, tree: tree, reader: reader)
            guard dimension.codes.count == sizes[position] else {
                reader.path += ".category.index"
                throw reader.invalid(.sizeMismatch, field: id,
                                     "the dimension has \(dimension.codes.count) categories but 'size' says \(sizes[position])")
            }
            dimensions.append(dimension)
        }
        func roleDimension(_ name: String) -> String? { role?[name]?.array?.first?.string }
        func position(of id: String?, _ what: String, required: Bool) throws(IndicatorParseError) -> Int? {
            guard let id else {
                if required { throw reader.invalid(.missingField, field: what, "no \(what) dimension: name it in the mapping or give role.\(what == "region" ? "geo" : what)") }
                return nil
            }
            guard let found = ids.firstIndex(of: id) else {
                throw reader.invalid(.missingField, field: what, "the \(what) dimension '\(id)' is not in the dataset")
            }
            return found
        }
        reader.path = "$.role"
        let indicator = try position(of: mapping.indicator ?? roleDimension("metric"), "metric", required: mapping.fixedIndicator == nil)
        let region = try position(of: mapping.region ?? roleDimension("geo"), "region", required: true)!
        let time = try position(of: mapping.time ?? roleDimension("time"), "time", required: true)!
        let gender = try position(of: mapping.gender, "gender", required: false)
        var periods: [ReportingPeriod] = []
        for code in dimensions[time].codes {
            do {
                periods.append(try ReportingPeriod(parsing: code))
            } catch {
                reader.path = "$.dimension" + SotkanetJSONParser<[UInt8].Iterator>.pathComponent(ids[time]) + ".category.index"
                throw reader.invalid(.unsupported, field: ids[time], "the period '\(code)' is not a year, half-year or quarter")
            }
        }
        var strides = Array(repeating: 1, count: sizes.count)
        for position in stride(from: sizes.count - 2, through: 0, by: -1) { strides[position] = strides[position + 1] * sizes[position + 1] }
        let used = Set([indicator, region, time, gender].compactMap { $0 })
        let grouped = sizes.indices.filter { !used.contains($0) && sizes[$0] > 1 }
        if let statusCount, statusCount.count != sizes.reduce(1, *) {
            reader.path = "$.status"
            throw reader.invalid(.sizeMismatch, field: "status",
                                 "'status' has \(statusCount.count) entries but 'size' gives \(sizes.reduce(1, *)) values")
        }
        self.dimensions = dimensions
        layout = Layout(total: sizes.reduce(1, *), strides: strides, indicator: indicator, region: region, time: time,
                        periods: periods, gender: gender, grouped: grouped)
        return layout
    }

    private func value(at index: Int, _ number: Double?) throws(IndicatorParseError) -> (value: IndicatorValue, location: SourceLocation) {
        let layout = layout!
        func code(_ position: Int) -> String { dimensions[position].codes[(index / layout.strides[position]) % dimensions[position].codes.count] }
        func category(_ position: Int) -> Int { (index / layout.strides[position]) % dimensions[position].codes.count }
        var gender = Gender.total
        if let position = layout.gender {
            let genderCode = code(position)
            gender = mapping.maleCodes.contains(genderCode) ? .male : mapping.femaleCodes.contains(genderCode) ? .female : .total
        }
        let group = layout.grouped.isEmpty ? nil
            : IndicatorPopulationGroup(layout.grouped.map { "\(dimensions[$0].id)=\(code($0))" }.joined(separator: "|"))
        let value = IndicatorValue(indicator: layout.indicator.map(code) ?? mapping.fixedIndicator ?? "",
                                   region: code(layout.region), period: layout.periods[category(layout.time)],
                                   gender: gender, group: group, value: number)
        return (value, SourceLocation(path: "$.value[\(index)]"))
    }

    /// Checks, after the last member, that everything needed was there and `value` had the right length.
    private mutating func finishDataset() throws(IndicatorParseError) {
        reader.path = "$"
        membersDone = true
        for (name, present) in [("id", ids != nil), ("size", sizes != nil), ("dimension", !dimensionTrees.isEmpty)] where !present {
            throw reader.invalid(.missingField, field: name, "a JSON-stat dataset needs '\(name)'")
        }
        guard let layout = try prepareLayout() else { return }
        if !valueIsObject, valueCount != layout.total {
            reader.path = "$.value"
            throw reader.invalid(.sizeMismatch, field: "value",
                                 "'value' has \(valueCount) entries but the product of 'size' is \(layout.total)")
        }
        if let statusCount, statusCount.count != layout.total {
            reader.path = "$.status"
            throw reader.invalid(.sizeMismatch, field: "status", "'status' has \(statusCount.count) entries but 'size' gives \(layout.total) values")
        }
    }

    private static func dimension(id: String, tree: JSONValue, reader: JSONReader<Bytes>) throws(IndicatorParseError) -> JSONStatDimension {
        guard let category = tree["category"] else {
            throw reader.invalid(.missingField, field: "category", "the dimension has no 'category'")
        }
        var labels: [String: String] = [:]
        for (code, label) in category["label"]?.members ?? [] { labels[code] = label.string }
        var codes: [String]
        switch category["index"] {
        case .array(let items)?:
            codes = items.compactMap(\.string)
            guard codes.count == items.count else { throw reader.invalid(.invalidValue, field: "index", "category.index must hold strings") }
        case .object(let members)?:
            codes = Array(repeating: "", count: members.count)
            for (code, position) in members {
                guard let position = position.int, codes.indices.contains(position), codes[position].isEmpty else {
                    throw reader.invalid(.invalidValue, field: "index",
                                         "category.index of '\(code)' must be a distinct position from 0 to \(members.count - 1)")
                }
                codes[position] = code
            }
        case nil:
            // Allowed when there is a single category: its label's key.
            guard let members = category["label"]?.members, members.count == 1 else {
                throw reader.invalid(.missingField, field: "index", "category.index may only be left out for a single category")
            }
            codes = [members[0].0]
        default:
            throw reader.invalid(.invalidValue, field: "index", "category.index must be an array or an object")
        }
        var units: [String: JSONStatUnit] = [:]
        for (code, unit) in category["unit"]?.members ?? [] {
            units[code] = JSONStatUnit(base: unit["base"]?.string, decimals: unit["decimals"]?.int)
        }
        return JSONStatDimension(id: id, label: tree["label"]?.string, codes: codes, labels: labels, units: units)
    }

    private func stringArray(_ tree: JSONValue, field: String) throws(IndicatorParseError) -> [String] {
        guard let items = tree.array, case let strings = items.compactMap(\.string), strings.count == items.count else {
            throw reader.invalid(.invalidValue, field: field, "'\(field)' must be an array of strings")
        }
        return strings
    }

    private func intArray(_ tree: JSONValue, field: String) throws(IndicatorParseError) -> [Int] {
        guard let items = tree.array, case let numbers = items.compactMap(\.int), numbers.count == items.count,
              numbers.allSatisfy({ $0 >= 0 }) else {
            throw reader.invalid(.invalidValue, field: field, "'\(field)' must be an array of non-negative integers")
        }
        return numbers
    }
}

extension JSONStatParser where Bytes == Data.Iterator {
    /// A parser over bytes held in memory.
    public init(fileName: String, data: Data, mapping: JSONStatMapping = JSONStatMapping()) {
        self.init(fileName: fileName, bytes: data.makeIterator(), mapping: mapping)
    }
}

extension JSONStatParser where Bytes == ChunkedByteIterator {
    /// A parser reading `url` in chunks.
    public init(url: URL, mapping: JSONStatMapping = JSONStatMapping(), chunkSize: Int = 65_536) throws {
        let handle = try FileHandle(forReadingFrom: url)
        self.init(fileName: url.lastPathComponent, bytes: ChunkedByteIterator(reading: handle, chunkSize: chunkSize), mapping: mapping)
    }
}
