import Model

/// Checks the rules of the format that decoding alone cannot see: unique item numbers, measure
/// ids and organisation ids; status reports that name an existing item and fall within the
/// plan's period.
///
/// References to organisations (`plan.owner`, `responsible[].organisation`) are not checked
/// here: they may be in the document's `organisations` or already in storage.
public enum PlanValidator {
    /// Every rule the document breaks, in document order; empty when it is valid.
    ///
    /// - Parameter fileName: The name used in the errors, e.g. `loviisa.yaml`.
    public static func validate(_ document: PlanDocument, fileName: String = "plan") -> [PlanFileError] {
        var errors: [PlanFileError] = []
        func report(_ path: String, _ message: String) {
            errors.append(PlanFileError(file: fileName, path: path, message: message))
        }

        let period = document.plan.period
        if period.start > period.end {
            report("plan.period", "the period starts (\(period.start)) after it ends (\(period.end))")
        }
        if document.plan.title.isEmpty { report("plan.title", "the title is empty in every language") }

        var organisationPaths: [String: String] = [:]
        for (index, organisation) in document.organisations.enumerated() {
            let path = "organisations[\(index)].id"
            if let first = organisationPaths[organisation.id] {
                report(path, "organisation id '\(organisation.id)' is already used at \(first)")
            } else {
                organisationPaths[organisation.id] = path
            }
        }

        var numberPaths: [String: String] = [:]
        var measurePaths: [String: String] = [:]
        func visit(_ item: PlanItem, path: String) {
            if item.number.trimmingCharacters(in: .whitespaces).isEmpty {
                report("\(path).number", "the item number is empty")
            } else if let first = numberPaths[item.number] {
                report("\(path).number", "item number '\(item.number)' is already used at \(first)")
            } else {
                numberPaths[item.number] = "\(path).number"
            }
            if item.title.isEmpty { report("\(path).title", "the title is empty in every language") }
            for (index, measure) in item.measures.enumerated() {
                let measurePath = "\(path).measures[\(index)].id"
                if let first = measurePaths[measure.id] {
                    report(measurePath, "measure id '\(measure.id)' is already used at \(first)")
                } else {
                    measurePaths[measure.id] = measurePath
                }
            }
            if let responsible = item.action?.responsible {
                for (index, party) in responsible.enumerated() where party.organisation == nil && (party.role?.isEmpty ?? true) {
                    report("\(path).action.responsible[\(index)]", "a responsible party needs an organisation or a role")
                }
            }
            for (index, child) in item.children.enumerated() {
                visit(child, path: "\(path).children[\(index)]")
            }
        }
        for (index, item) in document.items.enumerated() {
            visit(item, path: "items[\(index)]")
        }

        for (index, statusReport) in document.statusReports.enumerated() {
            let path = "statusReports[\(index)]"
            if numberPaths[statusReport.item] == nil {
                report("\(path).item", "no item has the number '\(statusReport.item)'")
            }
            if !(period.start...max(period.start, period.end)).contains(statusReport.period.year) {
                report("\(path).period",
                       "period \(statusReport.period) is outside the plan's period \(period.start)–\(period.end)")
            }
        }
        return errors
    }

    /// Throws the first rule the document breaks.
    public static func check(_ document: PlanDocument, fileName: String = "plan") throws(PlanFileError) {
        if let first = validate(document, fileName: fileName).first { throw first }
    }
}
