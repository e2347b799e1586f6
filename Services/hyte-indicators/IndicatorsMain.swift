import ArgumentParser
import Indicators
import Model
import ServiceRuntime

/// `hyte-indicators`: parses indicator data and computes comparisons.
@main
struct IndicatorsMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte-indicators",
        abstract: "The indicators service of Hyte: Sotkanet and JSON-stat data, comparisons, trends.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        try await ServiceMain.runWorker(service: ServiceName.indicators, options: options) { _, logger in
            buildIndicatorsRouter(logger: logger)
        }
    }
}
