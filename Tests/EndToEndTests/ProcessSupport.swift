import BusCore
import BusZMQ
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The directory holding the built executables (the same as the test bundle's).
let binDirectory: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
    // swift-testing runs inside `…/debug/HytePackageTests.xctest`; XCTest too.
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("hyte-broker").path), url.path != "/" {
        url.deleteLastPathComponent()
    }
    return url.path
}()

/// The repository root, for the bundled examples.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A TCP port on loopback that nobody listens on now.
func freePort() -> Int { LoopbackPort.free() }

/// A child process started from one of the built executables.
final class Child: @unchecked Sendable {
    // Process is a reference type Foundation has not annotated; it is used from one test at a time.
    let process = Process()
    let output = Pipe()

    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: "\(binDirectory)/\(executable)")
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["HYTE_LOG_LEVEL"] = "warning"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    func kill(_ signal: Int32 = SIGKILL) {
        Glibc.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }
}

/// Runs an executable to completion and returns its exit code and output; `input`, when given, is
/// its standard input (small inputs fit in the pipe's buffer; closing it is the end of input).
func runTool(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
             directory: String? = nil, input: String? = nil) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "\(binDirectory)/\(executable)")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let stdin = input.map { _ in Pipe() }
    if let stdin { process.standardInput = stdin }
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    if let stdin, let input {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
    }
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

/// Waits until `condition` holds, checking every few milliseconds, or fails after `timeout`.
func eventually(_ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while clock.now < deadline {
        if (try? await condition()) == true { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("timed out waiting until \(what)")
    throw CancellationError()
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "hyte-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
