import Foundation
import Model
import Reporting
import Testing

/// One document in every text and spreadsheet format, and as the `report.*` operations answer.
@Suite struct ReportRendererTests {
    static let document = ReportDocument(title: "Otsikko", subtitle: "Alaotsikko", language: .fi, generated: ReportFixtures.day, sections: [
        ReportSection("Osio", blocks: [
            .paragraph(ReportText("Lovisa", fallback: .sv)),
            .keyFigures([ReportKeyFigure(label: "Toteutunut osuus", value: .percent(36.7, decimals: 1))]),
        ]),
    ])

    @Test func eachFormatHasItsContentType() throws {
        let expected: [ReportDocumentFormat: String] = [
            .markdown: "text/markdown; charset=utf-8", .csv: "text/csv; charset=utf-8", .html: "text/html; charset=utf-8",
            .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ]
        for (format, contentType) in expected {
            #expect(try Self.document.render(format).contentType == contentType)
        }
    }

    @Test func textFormatsAreAnsweredAsTextAndBinaryOnesAsBase64() throws {
        let markdown = try Self.document.render(.markdown).response(.markdown, baseName: "r-fi")
        #expect(markdown.encoding == .text)
        #expect(markdown.fileName == "r-fi.md")
        #expect(markdown.body == """
        # Otsikko

        Alaotsikko

        Laadittu 15.11.2021

        ## Osio

        Lovisa (sv)

        - Toteutunut osuus: **36,7\u{00A0}%**

        _(sv) = teksti näytetään ruotsiksi, koska suomenkielistä tekstiä ei ole._

        """)
        let xlsx = try Self.document.render(.xlsx)
        let response = xlsx.response(.xlsx, baseName: "r-fi")
        #expect(response.encoding == .base64)
        #expect(Data(base64Encoded: response.body) == xlsx.data)
        #expect(xlsx.data.prefix(2) == Data("PK".utf8))
    }
}
