import Foundation

/// Where the SQLite database lives, parsed from a ``StorageConfiguration/databaseURL``.
struct DatabaseLocation: Sendable, Hashable {
    /// The absolute path of the database file.
    var path: String

    /// The path of the lock file that keeps a second storage process away.
    var lockPath: String { path + ".lock" }

    /// Parses `sqlite://PATH`; a relative `PATH` is resolved against `currentDirectory`.
    init(url: String, currentDirectory: String = FileManager.default.currentDirectoryPath) throws(StorageSetupError) {
        let lowered = url.lowercased()
        let scheme = "sqlite://"
        guard lowered.hasPrefix(scheme) else { throw .unsupportedURL(url) }
        let rawPath = String(url.dropFirst(scheme.count))
        guard !rawPath.isEmpty, !rawPath.hasSuffix("/") else { throw .unsupportedURL(url) }
        let absolute = rawPath.hasPrefix("/") ? rawPath : currentDirectory + "/" + rawPath
        self.path = (absolute as NSString).standardizingPath
    }

    /// The directory that holds the database file.
    var directory: String { (path as NSString).deletingLastPathComponent }

    /// Creates the directory that holds the database file, with its parents.
    func createDirectory() throws(StorageSetupError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageSetupError(code: "cannot_create_directory",
                                    message: "cannot create the directory \(directory) for the database: \(error.localizedDescription)")
        }
    }
}
