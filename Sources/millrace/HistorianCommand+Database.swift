import ArgumentParser
import Foundation
import GRDB

extension HistorianCommand {
    /// Opens `historian.sqlite` of a data directory directly, for `stats` and `verify` (which read the chunk
    /// table as it is on disk, without replaying the write-ahead log).
    static func openDatabase(_ directory: String, readOnly: Bool) throws -> DatabaseQueue {
        try requireExisting(directory)
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        let path = directory + "/" + databaseName
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            printError("error: \(path): cannot open the historian database: \(error)")
            throw ExitCode(2)
        }
    }

    /// Left-aligns `text` in `width` columns.
    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// Right-aligns `text` in `width` columns.
    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
