import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

/// Reads a JSON file, naming the file, the JSON path and the field on error.
func readJSONFile<T: Decodable>(_ type: T.Type, path: String) throws -> T {
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        printError("cannot read \(path): \(error.localizedDescription)")
        throw ExitCode.failure
    }
    do {
        return try JSONCoding.decoder.decode(type, from: data)
    } catch {
        printError("\(path): \(JSONCoding.describe(error))")
        throw ExitCode.failure
    }
}
