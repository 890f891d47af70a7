import ArgumentParser
import Foundation
import Historian
import Logging

/// `millrace historian …`: move data in and out of the embedded historian and check its health.
///
/// `import` and `export` go through `ChunkedHistorian`, so they replay the write-ahead log first and keep its
/// guarantees. `stats` and `verify` read `historian.sqlite` directly. None of them may run while a Millrace
/// process uses the same data directory (there is no lock yet): stop Millrace first.
struct HistorianCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "historian",
        abstract: "Import, export, inspect and verify the historian's data.",
        discussion: """
            Stop any Millrace process using the same data directory first: two processes writing one historian \
            would corrupt it, and nothing prevents that yet.
            """,
        subcommands: [Import.self, Export.self, Stats.self, Verify.self, CrashWriter.self, CrashVerify.self])

    /// The file names inside a data directory.
    static let databaseName = "historian.sqlite"
    static let walName = "historian.wal"

    /// Opens the embedded historian in `directory`, logging warnings and errors to standard error.
    static func openStore(_ directory: String, options: ChunkedHistorian.Options = .init()) async throws -> ChunkedHistorian {
        do {
            return try await ChunkedHistorian.open(directory: directory, options: options, logger: logger())
        } catch {
            printError("error: \(directory): \(error.message)")
            throw ExitCode(2)
        }
    }

    /// A logger for the historian that prints warnings and worse, without bootstrapping the global system.
    static func logger() -> Logger {
        Logger(label: "historian") { label in ConsoleLogHandler(label: label, logLevel: .warning, json: false) }
    }

    /// Exits with status 2 and a clear message unless `directory` holds a historian.
    static func requireExisting(_ directory: String) throws {
        guard FileManager.default.fileExists(atPath: directory + "/" + databaseName) else {
            printError("error: \(directory): no historian here (\(databaseName) is missing); give the data directory with --data-dir")
            throw ExitCode(2)
        }
    }

    /// The size of a file in bytes, 0 if it does not exist.
    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value ?? 0
    }
}
