import ArgumentParser
import Model
import ServiceRuntime
import Storage

/// `hyte-storage`: the system of record, the only process that opens the database.
@main
struct StorageMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte-storage",
        abstract: "The storage service of Hyte: organisations, plans, status reports, audit log.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        try await ServiceMain.runWorker(service: ServiceName.storage, options: options) { configuration, logger in
            try await buildStorageRouter(configuration: StorageConfiguration(databaseURL: configuration.databaseURL), logger: logger)
        }
    }
}
