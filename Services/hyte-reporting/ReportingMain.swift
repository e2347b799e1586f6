import ArgumentParser
import Model
import Reporting
import ServiceRuntime

/// `hyte-reporting`: renders reports from data it gathers over the bus.
@main
struct ReportingMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte-reporting",
        abstract: "The reporting service of Hyte: stateless report rendering.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        try await ServiceMain.runWorker(service: ServiceName.reporting, options: options) { _, logger in
            buildReportingRouter(logger: logger)
        }
    }
}
