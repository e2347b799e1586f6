import ArgumentParser
import ServiceRuntime

/// `hyte-broker`: the Majordomo broker of the Hyte bus.
@main
struct BrokerMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte-broker",
        abstract: "The Majordomo 0.1 broker of the Hyte bus (binds HYTE_BUS).")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        try await ServiceMain.runBroker(options: options)
    }
}
