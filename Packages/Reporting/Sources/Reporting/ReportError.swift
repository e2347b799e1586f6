/// Why a report could not be made, in words a person can act on.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request names a period (or year) for which there is nothing to report.
    case noData(String)
    /// The request is not one this report can answer, e.g. an unknown plan item.
    case badRequest(String)
    /// No headless browser is installed to print the PDF.
    case browserMissing
    /// The browser ran but produced no PDF or image.
    case browserFailed(String)
    /// An output could not be written.
    case cannotWrite(String)

    /// The error as a sentence.
    public var description: String {
        switch self {
        case .noData(let message): "no data to report: \(message)"
        case .badRequest(let message): message
        case .browserMissing:
            "no headless browser found on PATH (chromium, chromium-browser, google-chrome): install Debian's `chromium` package, e.g. `apt-get install chromium`"
        case .browserFailed(let message): "the browser could not print the report: \(message)"
        case .cannotWrite(let message): message
        }
    }
}
