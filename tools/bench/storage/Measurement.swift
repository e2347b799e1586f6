import Foundation

/// One timed path on one backend.
struct Measurement {
    var backend: String
    var path: String
    var rows: Int
    var seconds: Double
    /// Seconds of the raw insert on the same backend.
    var reference: Double

    var rowsPerSecond: Double { Double(rows) / seconds }
    /// Rate of this path divided by the rate of the raw insert.
    var ratio: Double { reference / seconds }

    static func table(_ results: [Measurement]) -> String {
        var lines = ["| backend | path | rows | seconds | rows/s | ratio to raw insert |", "|---|---|---:|---:|---:|---:|"]
        for result in results {
            lines.append("| \(result.backend) | \(result.path) | \(result.rows) | \(String(format: "%.2f", result.seconds)) | "
                         + "\(String(format: "%.0f", result.rowsPerSecond)) | \(String(format: "%.3f", result.ratio)) |")
        }
        return lines.joined(separator: "\n")
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// Writes a line to standard output at once, unbuffered, so that progress shows in a pipe too.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
