import BusCore
import BusZMQ
import Foundation
import Logging
import Model
import ServiceLifecycle

/// One worker of a Hyte service as a swift-service-lifecycle `Service`: registers with the
/// broker, answers requests with its router, and on graceful shutdown says DISCONNECT, finishes
/// the request in hand and closes.
public struct WorkerService: Service {
    public let router: Router
    public let worker: MajordomoWorker
    private let client: MajordomoClient
    private let logger: Logger

    /// Builds the worker; `router` must be fully ready (migrations run) before this is called.
    public init(router: Router, configuration: HyteConfiguration, client: MajordomoClient, logger: Logger) {
        self.router = router
        self.client = client
        self.logger = logger
        self.worker = MajordomoWorker(
            endpoint: configuration.bus, service: router.service,
            configuration: WorkerStateMachine.Configuration(heartbeatInterval: configuration.heartbeat,
                                                            reconnectDelay: configuration.heartbeat),
            logger: logger)
    }

    public func run() async throws {
        let router = router
        let logger = logger
        let client = client
        try await withGracefulShutdownHandler {
            await worker.run { body in
                await router.handle(frames: body, logger: logger, bus: client)
            }
        } onGracefulShutdown: { [worker] in
            worker.stop()
        }
        await client.close()
    }
}

/// The broker as a swift-service-lifecycle `Service`.
public struct BrokerService: Service {
    public let broker: MajordomoBroker

    public init(configuration: HyteConfiguration, logger: Logger) {
        broker = MajordomoBroker(
            endpoint: configuration.bus,
            configuration: BrokerStateMachine.Configuration(heartbeatInterval: configuration.heartbeat,
                                                            requestExpiry: configuration.queueExpiry),
            logger: logger)
    }

    public func run() async throws {
        try broker.start()
        await withGracefulShutdownHandler {
            await broker.waitUntilStopped()
        } onGracefulShutdown: { [broker] in
            broker.stop()
        }
    }
}

/// What a service executable calls from `main`.
public enum ServiceMain {
    /// Bootstraps logging, builds the router (migrations and all), then registers one worker
    /// and serves until SIGTERM or SIGINT.
    public static func runWorker(
        service: String, options: ConfigurationOptions,
        build: @Sendable (HyteConfiguration, Logger) async throws -> Router
    ) async throws {
        let configuration = try options.resolve()
        LogBootstrap.bootstrap(configuration)
        var logger = Logger(label: "hyte.\(service)")
        logger[metadataKey: "service"] = "\(service)"
        let router = try await build(configuration, logger)
        let client = MajordomoClient(endpoint: configuration.bus, logger: logger)
        let worker = WorkerService(router: router, configuration: configuration, client: client, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: worker)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }

    /// Bootstraps logging and runs the broker until SIGTERM or SIGINT.
    public static func runBroker(options: ConfigurationOptions) async throws {
        let configuration = try options.resolve()
        LogBootstrap.bootstrap(configuration)
        let logger = Logger(label: "hyte.broker")
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: BrokerService(configuration: configuration, logger: logger))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
