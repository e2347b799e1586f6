import ArgumentParser
import BusZMQ
import Model
import Participation
import ServiceRuntime

/// `hyte-participation`: surveys, resident panels, participatory budgeting, hearings, events and
/// impact assessments. The records are kept by `hyte-storage`, reached over the bus.
@main
struct ParticipationMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte-participation",
        abstract: "The participation service of Hyte: surveys, resident panels, participatory budgeting.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        try await ServiceMain.runWorker(service: ServiceName.participation, options: options) { configuration, logger in
            let storage = MajordomoClient(endpoint: configuration.bus, logger: logger)
            return buildParticipationRouter(logger: logger, repository: BusParticipationRepository(bus: storage),
                                            measures: BusPlanMeasureSink(bus: storage),
                                            clock: ParticipationFileClock.fromEnvironment())
        }
    }
}
