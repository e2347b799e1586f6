import Foundation

/// Prints a report's HTML to PDF (or a PNG screenshot) with a headless Chromium found on `PATH`
/// (`chromium`, `chromium-browser` or `google-chrome`). Throws `ReportError.browserMissing`, which
/// says to install Debian's `chromium` package, when none is installed.
public struct ReportPDFRenderer: Sendable {
    /// Directories searched for the browser; `PATH` by default.
    public var searchPath: [String]
    /// Seconds after which a browser that has not finished is stopped.
    public var timeout: Double

    /// A renderer that looks for the browser on `PATH`.
    public init(searchPath: [String]? = nil, timeout: Double = 120) {
        self.timeout = timeout
        self.searchPath = searchPath ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    }

    /// The browser's path, if one is installed.
    public func browser() -> String? {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in searchPath {
                let path = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// The PDF of `html`, printed on A4 as its `@page` rule asks.
    public func pdf(html: String) throws -> Data {
        try run(html: html, outputName: "report.pdf") { output in ["--no-pdf-header-footer", "--print-to-pdf=\(output)"] }
    }

    /// A PNG screenshot of `html` at `width` × `height` pixels.
    public func png(html: String, width: Int = 1280, height: Int = 2000) throws -> Data {
        try run(html: html, outputName: "report.png") { output in ["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(output)"] }
    }

    private func run(html: String, outputName: String, arguments: (String) -> [String]) throws -> Data {
        guard let browser = browser() else { throw ReportError.browserMissing }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hyte-report-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.html")
        let output = directory.appendingPathComponent(outputName)
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(directory.appendingPathComponent("profile").path)"]
            + arguments(output.path) + [input.absoluteString]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // A browser that hangs is stopped, so that a report request cannot block the service forever.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard let data = try? Data(contentsOf: output), !data.isEmpty else {
            let text = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
            throw ReportError.browserFailed("exit status \(process.terminationStatus): \(text)")
        }
        return data
    }
}
