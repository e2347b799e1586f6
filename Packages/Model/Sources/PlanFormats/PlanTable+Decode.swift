import Foundation
import Model

extension PlanTable {
    /// Reads a table written by `encode` or kept by hand in a spreadsheet. Every error names the
    /// file, the line, and the column by its name.
    public static func decode(_ text: String, fileName: String) throws(PlanFileError) -> PlanDocument {
        let separator = DelimitedText.guessSeparator(text)
        return try decode(records: try DelimitedText.parse(text, separator: separator, fileName: fileName), fileName: fileName)
    }

    /// Reads the table from records (rows with their line or spreadsheet row number).
    public static func decode(records: [DelimitedText.Record], fileName: String) throws(PlanFileError) -> PlanDocument {
        let records = records.filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        func fail(_ line: Int, _ column: String?, _ message: String) -> PlanFileError {
            PlanFileError(file: fileName, line: line, path: column, message: message)
        }

        // The header rows.
        var settings: [String: (line: Int, values: [String])] = [:]
        var index = 0
        while index < records.count, let first = records[index].fields.first, first.hasPrefix("#") {
            let values = Array(records[index].fields.dropFirst())
            var last = values.count
            while last > 0, values[last - 1].isEmpty { last -= 1 }
            settings[first] = (records[index].line, Array(values[..<last]))
            index += 1
        }
        func setting(_ key: String) -> String? { settings[key]?.values.first }
        func required(_ key: String) throws(PlanFileError) -> String {
            guard let value = setting(key), !value.isEmpty else {
                throw fail(records.first?.line ?? 1, key, "the header row '\(key)' is missing or empty")
            }
            return value
        }
        guard setting("#format") == formatTag else {
            throw fail(1, "#format", "the first row must be '#format;\(formatTag)'")
        }
        let kindText = try required("#plan.kind")
        guard let kind = PlanKind(rawValue: kindText) else {
            throw fail(settings["#plan.kind"]!.line, "#plan.kind", "'\(kindText)' is not one of \(PlanKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let periodValues = settings["#plan.period"]?.values ?? []
        guard periodValues.count == 2, let start = Int(periodValues[0]), let end = Int(periodValues[1]), start <= end else {
            throw fail(settings["#plan.period"]?.line ?? 1, "#plan.period", "give the first and the last year, e.g. '#plan.period;2021;2025'")
        }
        var languages: [Language] = []
        for code in settings["#plan.languages"]?.values ?? ["fi"] {
            guard let language = Language(rawValue: code) else {
                throw fail(settings["#plan.languages"]!.line, "#plan.languages", "'\(code)' is not fi, sv or en")
            }
            languages.append(language)
        }
        let primary = languages.first ?? .fi
        let stateText = setting("#plan.state") ?? PlanState.draft.rawValue
        guard let state = PlanState(rawValue: stateText) else {
            throw fail(settings["#plan.state"]!.line, "#plan.state", "'\(stateText)' is not draft, approved or archived")
        }
        func localized(_ prefix: String) -> LocalizedText {
            LocalizedText(fi: setting("\(prefix).fi"), sv: setting("\(prefix).sv"), en: setting("\(prefix).en"))
        }
        let levelCount = Language.allCases.map { settings["#plan.levels.\($0)"]?.values.count ?? 0 }.max() ?? 0
        let levels = (0..<levelCount).map { level in
            LocalizedText(fi: settings["#plan.levels.fi"]?.values[safe: level].nonEmpty,
                          sv: settings["#plan.levels.sv"]?.values[safe: level].nonEmpty,
                          en: settings["#plan.levels.en"]?.values[safe: level].nonEmpty)
        }
        let approval: Approval? = setting("#plan.approval.date").map {
            Approval(body: localized("#plan.approval.body"), date: $0, reference: setting("#plan.approval.reference"))
        }
        let plan = Plan(id: try required("#plan.id"), kind: kind, title: localized("#plan.title"), period: YearSpan(start: start, end: end),
                        owner: try required("#plan.owner"), languages: languages, approval: approval, state: state,
                        parent: setting("#plan.parent"), levels: levels)

        // The column row.
        guard index < records.count else { throw fail(records.last?.line ?? 1, nil, "the row of column names is missing") }
        let header = records[index]
        index += 1
        var columns: [String: Int] = [:]
        var depth = 0
        for (position, name) in header.fields.enumerated() {
            let name = name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            let known = ["number"] + actionColumns + statusColumns + Language.allCases.map { "title.\($0)" }
            let isLevel = name.range(of: #"^level[1-9][0-9]*\.(number|title\.(fi|sv|en))$"#, options: .regularExpression) != nil
            guard known.contains(name) || isLevel else {
                throw fail(header.line, name, "unknown column (column \(position + 1)); see docs/formats/plan-table.md")
            }
            guard columns[name] == nil else { throw fail(header.line, name, "the column is given twice") }
            columns[name] = position
            if isLevel, let level = Int(name.dropFirst(5).prefix { $0.isNumber }) { depth = max(depth, level) }
        }
        guard columns["number"] != nil else { throw fail(header.line, "number", "the column 'number' is missing") }

        // The data rows, merged into a tree.
        var builder = TreeBuilder()
        var reports: [StatusReport] = []
        for record in records[index...] {
            func cell(_ name: String) -> String {
                guard let position = columns[name], position < record.fields.count else { return "" }
                return record.fields[position].trimmingCharacters(in: .whitespaces)
            }
            func title(_ prefix: String) -> LocalizedText {
                LocalizedText(fi: cell("\(prefix).fi").nonEmpty, sv: cell("\(prefix).sv").nonEmpty, en: cell("\(prefix).en").nonEmpty)
            }
            var path: [(number: String, title: LocalizedText)] = []
            for level in 1...max(depth, 1) where depth > 0 {
                let number = cell("level\(level).number")
                if !number.isEmpty { path.append((number, title("level\(level).title"))) }
            }
            let number = cell("number")
            guard !number.isEmpty else { throw fail(record.line, "number", "every row needs the number of its action") }
            path.append((number, title("title")))
            let isAction = path.count == max(levels.count, 1) || actionColumns.contains { !cell($0).isEmpty }
            let action = isAction ? try actionDetails(cell, primary: primary, line: record.line, fail: fail) : nil
            let measures = cell("measures").split(separator: "\n").enumerated().map { offset, text in
                Measure(id: "\(number)-m\(offset + 1)", kind: inferredKind(String(text)), title: primaryText(String(text), primary))
            }
            try builder.add(path: path, action: action, measures: measures, line: record.line, fail: fail)

            let periodText = cell("period")
            guard !periodText.isEmpty else {
                if !cell("status").isEmpty { throw fail(record.line, "period", "a status needs the period it is for") }
                continue
            }
            let period: ReportingPeriod
            do { period = try ReportingPeriod(parsing: periodText) } catch { throw fail(record.line, "period", error.description) }
            let statusText = cell("status")
            guard let status = ActionStatus(rawValue: statusText)
                    ?? ActionStatus.allCases.first(where: { $0.label.fi == statusText.lowercased() || $0.label.sv == statusText.lowercased() }) else {
                throw fail(record.line, "status", "'\(statusText)' is not one of \(ActionStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            reports.append(StatusReport(item: number, period: period, status: status, reason: cell("reason").nonEmpty.map { primaryText($0, primary) },
                                        narrative: cell("narrative").nonEmpty.map { primaryText($0, primary) },
                                        reporter: cell("reporter").nonEmpty))
        }
        let document = PlanDocument(plan: plan, items: builder.roots, statusReports: reports)
        if let problem = PlanValidator.validate(document, fileName: fileName).first { throw problem }
        return document
    }

    static func primaryText(_ text: String, _ language: Language) -> LocalizedText {
        var value = LocalizedText()
        switch language {
        case .fi: value.fi = text
        case .sv: value.sv = text
        case .en: value.en = text
        }
        return value
    }

    /// The kind of a measure known only by its title.
    static func inferredKind(_ title: String) -> MeasureKind {
        let lower = title.lowercased()
        if lower.contains("toteutunut") || lower.contains("genomförd") || lower.contains("käytössä") { return .doneNotDone }
        if lower.contains("määrä") || lower.contains("lukumäärä") || lower.contains("lkm") || lower.contains("antal") { return .count }
        return .text
    }

    static func actionDetails(_ cell: (String) -> String, primary: Language, line: Int,
                              fail: (Int, String?, String) -> PlanFileError) throws(PlanFileError) -> ActionDetails {
        func lines(_ name: String) -> [String] {
            cell(name).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var levels: [PreventionLevel] = []
        for text in lines("preventionLevels") {
            guard let level = PreventionLevel(rawValue: text) else {
                throw fail(line, "preventionLevels", "'\(text)' is not one of \(PreventionLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            levels.append(level)
        }
        let responsible = lines("responsible").map { ResponsibleParty(parsing: $0, language: primary) }
        return ActionDetails(responsible: responsible, schedule: cell("schedule").nonEmpty.map { Schedule(parsing: $0) },
                             targetGroups: lines("targetGroups").map { primaryText($0, primary) }, preventionLevels: levels,
                             resources: cell("resources").nonEmpty.map { primaryText($0, primary) },
                             notes: cell("notes").nonEmpty.map { primaryText($0, primary) }, projects: lines("projects"))
    }
}

/// Merges rows into the plan tree: the same number on two rows is the same item.
struct TreeBuilder {
    final class Node {
        var item: PlanItem
        var children: [Node] = []
        var line: Int
        init(item: PlanItem, line: Int) {
            self.item = item
            self.line = line
        }
        var built: PlanItem {
            var item = item
            item.children = children.map(\.built)
            return item
        }
    }

    private var rootNodes: [Node] = []
    private var byNumber: [String: Node] = [:]

    var roots: [PlanItem] { rootNodes.map(\.built) }

    mutating func add(path: [(number: String, title: LocalizedText)], action: ActionDetails?, measures: [Measure], line: Int,
                      fail: (Int, String?, String) -> PlanFileError) throws(PlanFileError) {
        var parent: Node?
        for (offset, step) in path.enumerated() {
            let isLeaf = offset == path.count - 1
            if let existing = byNumber[step.number] {
                if !step.title.isEmpty, existing.item.title != step.title {
                    throw fail(line, isLeaf ? "title" : "level\(offset + 1).title",
                               "item \(step.number) is titled differently than on line \(existing.line)")
                }
                if isLeaf, existing.item.action != action || existing.item.measures != measures {
                    throw fail(line, "number", "action \(step.number) is given with other details than on line \(existing.line)")
                }
                parent = existing
                continue
            }
            let node = Node(item: PlanItem(number: step.number, title: step.title, action: isLeaf ? action : nil,
                                           measures: isLeaf ? measures : []), line: line)
            byNumber[step.number] = node
            if let parent { parent.children.append(node) } else { rootNodes.append(node) }
            parent = node
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? { self.flatMap { $0.isEmpty ? nil : $0 } }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
