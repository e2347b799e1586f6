import BusCore
import BusTesting
import Logging
import Model
import Reporting
import Testing

@Suite struct OrganisationsOperationTests {
    private let storage = StorageDouble(organisations: sampleOrganisations)

    private func bus(withStorage: Bool = true) -> InMemoryBus {
        let bus = InMemoryBus()
        if withStorage { bus.register(storage.router) }
        bus.register(buildReportingRouter(logger: Logger(label: "test.reporting")))
        return bus
    }

    private func report(_ language: Language, _ format: ReportFormat) async throws -> ReportingContracts.Organisations.Response {
        try await bus().call(ReportingContracts.Organisations.self, .init(language: language, format: format))
    }

    /// Two em spaces per level of the tree.
    private let indent = "\u{2003}\u{2003}"

    @Test func rendersTheTreeAsMarkdownInFinnish() async throws {
        let response = try await report(.fi, .markdown)
        #expect(response.contentType == "text/markdown; charset=utf-8")
        #expect(response.body.split(separator: "\n", omittingEmptySubsequences: false) == [
            "# Organisaatiot",
            "",
            "Organisaatioita: 6",
            "",
            "| Nimi | Tyyppi | Tunnus |",
            "|---|---|---|",
            "| Kymsote | Hyvinvointialue tai alue | kymsote |",
            "| \(indent)Hamina | Kunta | hamina |",
            "| Loviisa | Kunta | loviisa |",
            "| \(indent)Perusturvakeskus | Toimiala tai keskus | loviisa.perusturva |",
            "| \(indent)\(indent)Vanhuspalvelut | Yksikkö | loviisa.perusturva.vanhus |",
            #"| Byarna; "Lovisa" rf (sv) | Kumppani | kylat |"#,
            "",
            "Nimen perässä oleva kielikoodi, esim. (sv), kertoo, ettei nimeä ole suomeksi.",
            "",
        ])
    }

    @Test func rendersTheTreeAsMarkdownInSwedishMarkingFinnishFallbacks() async throws {
        let lines = try await report(.sv, .markdown).body.split(separator: "\n").map(String.init)
        #expect(lines.prefix(4) == ["# Organisationer", "Antal organisationer: 6", "| Namn | Typ | Kod |", "|---|---|---|"])
        #expect(lines.contains("| Kymsote | Välfärdsområde eller region | kymsote |"))
        #expect(lines.contains("| \(indent)Hamina (fi) | Kommun | hamina |"))
        #expect(lines.contains("| \(indent)Grundtrygghetscentralen | Sektor eller central | loviisa.perusturva |"))
        #expect(lines.contains("| \(indent)\(indent)Äldreomsorgen | Enhet | loviisa.perusturva.vanhus |"))
        #expect(lines.contains(#"| Byarna; "Lovisa" rf | Partner | kylat |"#))
        #expect(lines.last == "En språkkod efter ett namn, t.ex. (fi), betyder att namnet saknas på svenska.")
    }

    @Test func csvInFinnishUsesSemicolonsAndQuotesWhereNeeded() async throws {
        let response = try await report(.fi, .csv)
        #expect(response.contentType == "text/csv; charset=utf-8")
        #expect(response.body.components(separatedBy: "\r\n") == [
            "Nimi;Tyyppi;Tunnus;Ylätason tunnus",
            "Kymsote;Hyvinvointialue tai alue;kymsote;",
            "Hamina;Kunta;hamina;kymsote",
            "Loviisa;Kunta;loviisa;",
            "Perusturvakeskus;Toimiala tai keskus;loviisa.perusturva;loviisa",
            "Vanhuspalvelut;Yksikkö;loviisa.perusturva.vanhus;loviisa.perusturva",
            #""Byarna; ""Lovisa"" rf (sv)";Kumppani;kylat;"#,
            "",
        ])
    }

    @Test func csvInSwedishUsesSemicolons() async throws {
        let lines = try await report(.sv, .csv).body.components(separatedBy: "\r\n")
        #expect(lines.first == "Namn;Typ;Kod;Överordnad kod")
        #expect(lines.contains("Hamina (fi);Kommun;hamina;kymsote"))
    }

    @Test func csvInEnglishUsesCommas() async throws {
        let lines = try await report(.en, .csv).body.components(separatedBy: "\r\n")
        #expect(lines.first == "Name,Kind,Id,Parent id")
        #expect(lines.contains("Kymsote (fi),Region,kymsote,"))
        #expect(lines.contains(#""Loviisa, town",Municipality,loviisa,"#))
        #expect(lines.contains(#"Byarna; "Lovisa" rf (sv),Partner,kylat,"#) == false)
        #expect(lines.contains(#""Byarna; ""Lovisa"" rf (sv)",Partner,kylat,"#))
    }

    @Test func passesTheCallersHeadersToStorage() async throws {
        let actor = Actor(id: "coordinator@loviisa.fi", roles: ["coordinator"], organisations: ["loviisa"])
        _ = try await bus().call(ReportingContracts.Organisations.self, .init(language: .en, format: .markdown),
                                 headers: RequestHeaders(requestId: "report-42", actor: actor))
        #expect(storage.receivedHeaders.map(\.requestId) == ["report-42"])
        #expect(storage.receivedHeaders.first?.actor == actor)
    }

    @Test func aMissingStorageIsServiceUnavailable() async throws {
        let error = await #expect(throws: ServiceCallError.self) {
            try await bus(withStorage: false).call(ReportingContracts.Organisations.self, .init(language: .fi, format: .markdown))
        }
        #expect(error?.status == 503)
        #expect(error?.error.code == "dependency_unavailable")
    }

    @Test func aStorageErrorReachesTheCaller() async throws {
        var failing = Router(service: ServiceName.storage)
        failing.on(StorageContracts.ListOrganisations.self) { _, _ in
            throw ServiceError(.forbidden, code: "forbidden", "the actor may not list organisations")
        }
        let bus = InMemoryBus()
        bus.register(failing)
        bus.register(buildReportingRouter(logger: Logger(label: "test.reporting")))
        let error = await #expect(throws: ServiceCallError.self) {
            try await bus.call(ReportingContracts.Organisations.self, .init(language: .fi, format: .csv))
        }
        #expect(error?.status == 403)
        #expect(error?.error.message == "the actor may not list organisations")
    }
}
