import ArgumentParser
import Foundation
import Historian
import HistorianCore
import MillraceCore

extension HistorianCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import samples from a CSV file.",
            discussion: """
                The first row is the header: a time column, then one column per tag, named by the tag id \
                (with --tag-prefix in front). Times are ISO 8601 (2026-11-26T08:00:00Z, or with an offset) or \
                Unix epoch numbers: below 1e11 they are seconds, otherwise milliseconds. Numbers make double \
                tags, true/false boolean tags, other text string tags; an empty cell is no sample. Unknown tags \
                are registered with the kind of their first value; known tags keep theirs.

                The delimiter (, ; tab |) is detected from the header unless given. On an error the exit status \
                is 2 and the message reads FILE:LINE:COLUMN; batches before that row are already stored, and \
                importing the fixed file again is safe (a sample at the same tag and time replaces the old one).

                Stop Millrace on this data directory first: an import next to a running Millrace is not detected.
                """)

        @OptionGroup var options: HistorianCommand.Options

        @Argument(help: "The CSV file.")
        var file: String

        @Option(help: "Text put in front of every column name to make the tag id (e.g. 'line1.').")
        var tagPrefix = ""

        @Option(help: "The delimiter: ',', ';', '|', 'tab' (or a tab). Detected from the header if not given.")
        var delimiter: String?

        @Option(help: "Samples per append (one durable write each).")
        var batch = 10_000

        func validate() throws {
            guard batch > 0 else { throw ValidationError("--batch must be positive, got \(batch)") }
            if let delimiter, Self.delimiterByte(delimiter) == nil {
                throw ValidationError("--delimiter must be one ASCII character other than a quote or a line break, or 'tab'; got '\(delimiter)'")
            }
        }

        static func delimiterByte(_ text: String) -> UInt8? {
            let text = text == "tab" || text == "\\t" ? "\t" : text
            guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80,
                byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r")
            else { return nil }
            return byte
        }

        func run() async throws {
            guard FileManager.default.fileExists(atPath: file) else {
                printError("error: \(file): no such file")
                throw ExitCode(2)
            }
            guard let handle = FileHandle(forReadingAtPath: file) else {
                printError("error: \(file): cannot read the file (check its permissions)")
                throw ExitCode(2)
            }
            defer { try? handle.close() }
            let store = try await HistorianCommand.openStore(options.dataDir)
            var importer = CSVImporter(file: file, prefix: tagPrefix, batchSize: batch, store: store)
            var progress = ImportProgress(file: file, totalBytes: HistorianCommand.fileSize(file))
            var reader = CSVReader(options: .init(delimiter: delimiter.flatMap(Self.delimiterByte)))
            do {
                try await importer.loadKnownTags()
                while true {
                    let data = try handle.read(upToCount: 256 << 10) ?? Data()
                    let records = data.isEmpty ? try reader.finish() : try reader.consume(data)
                    for record in records { try await importer.add(record) }
                    progress.update(bytes: Int64(reader.bytesConsumed), samples: importer.samplesImported + importer.pendingCount)
                    if data.isEmpty { break }
                }
                try await importer.flush()
                try await store.close()
            } catch let error as CSVError {
                try await fail(store, progress, "\(file):\(error.line):\(error.column): \(error.message)", importer)
            } catch let error as CSVImporter.Failure {
                try await fail(store, progress, "\(file):\(error.position.line):\(error.position.column): \(error.message)", importer)
            } catch let error as HistorianError {
                try await fail(store, progress, "\(file): \(error.message)", importer, status: 1)
            } catch {
                try await fail(store, progress, "\(file): \(error.localizedDescription)", importer, status: 1)
            }
            progress.finish()
            let seconds = progress.elapsedSeconds
            let rate = seconds > 0 ? Double(importer.samplesImported) / seconds : 0
            print(
                "imported \(importer.samplesImported) samples of \(importer.tagsWithSamples.count) tags "
                    + "(\(importer.registered.count) new) from \(file) in \(String(format: "%.2f", seconds)) s "
                    + "(\(String(format: "%.0f", rate)) samples/s)")
        }

        private func fail(
            _ store: ChunkedHistorian, _ progress: ImportProgress, _ message: String, _ importer: CSVImporter, status: Int32 = 2
        ) async throws -> Never {
            var progress = progress
            progress.finish()
            try? await store.close()
            printError("error: \(message)")
            if importer.samplesImported > 0 {
                printError(
                    "note: \(importer.samplesImported) samples before this row were stored; importing the fixed file again replaces them")
            }
            throw ExitCode(status)
        }
    }
}
