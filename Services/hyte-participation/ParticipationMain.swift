import ArgumentParser
import Model
import Participation
import ServiceRuntime

/// `hyte-participation`: surveys, panels, participatory budgeting, hearings.
@main
struct ParticipationMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte-participation",
        abstract: "The participation service of Hyte: surveys, resident panels, participatory budgeting.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        try await ServiceMain.runWorker(service: ServiceName.participation, options: options) { _, logger in
            buildParticipationRouter(logger: logger)
        }
    }
}
