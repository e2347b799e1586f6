import Model

extension ReportDocument {
    /// The document with its indicator sections (`Indicators`, `Indicators by colour class`)
    /// replaced by the sentence that indicator data is not available; a section with that sentence
    /// is added when the document has none.
    func withIndicatorsUnavailable() -> ReportDocument {
        let headings = [ReportTerm.indicators.text(language), ReportTerm.indicatorsByClass.text(language)]
        let notice = ReportBlock.paragraph(ReportText(ReportIndicatorNotice.text(language)))
        var document = self
        var replaced = false
        for index in document.sections.indices where headings.contains(document.sections[index].heading.text) {
            document.sections[index].blocks = [notice]
            document.sections[index].subsections = []
            replaced = true
        }
        if !replaced { document.sections.append(ReportSection(ReportTerm.indicators.text(language), blocks: [notice])) }
        return document
    }
}
