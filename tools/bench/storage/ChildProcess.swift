import BusZMQ
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder of this executable; `hyte-broker` and `hyte-storage` are built beside it.
let binDirectory: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent().path
}()

/// A TCP port on loopback that nobody listens on now.
func freePort() -> Int { LoopbackPort.free() }

/// A Hyte service started from the bin folder; stopped with SIGTERM, or killed when dropped.
final class ChildProcess {
    private let process = Process()
    let name: String

    init(_ executable: String, environment: [String: String]) throws {
        name = executable
        let path = "\(binDirectory)/\(executable)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("\(path) is missing: build it first (swift build --product \(executable))")
        }
        process.executableURL = URL(fileURLWithPath: path)
        var env = ProcessInfo.processInfo.environment
        env["HYTE_LOG_LEVEL"] = "warning"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    /// Asks the process to shut down gracefully and waits until it has.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// An error of the benchmark itself, with a message a person can act on.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
