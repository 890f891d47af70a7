import ArgumentParser
import Foundation
import Historian
import HistorianCore
import MillraceCore

extension HistorianCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export samples of tags as CSV.",
            discussion: """
                Wide format (default): a header 'time,<tag>,…' and one row per distinct time, with an empty cell \
                where a tag has no sample at that time; values only. Long format (--long): 'time,tag,value,quality', \
                one row per sample, ordered by time, then by the order of --tag. Times are ISO 8601 in UTC; the range is \
                from <= time < to. Doubles that are not finite are written nan, inf or -inf.
                """)

        @OptionGroup var options: HistorianCommand.Options

        @Option(name: .customLong("tag"), help: "A tag id to export (repeat for more tags).")
        var tags: [String] = []

        @Option(help: "The start (inclusive): ISO 8601, 'now' or 'now-<n><s|m|h|d>'. Default: now-24h.")
        var from = "now-24h"

        @Option(help: "The end (exclusive): ISO 8601, 'now' or 'now-<n><s|m|h|d>'. Default: now.")
        var to = "now"

        @Option(help: "Write to this file instead of standard output.")
        var output: String?

        @Flag(help: "One row per sample: time,tag,value,quality.")
        var long = false

        func validate() throws {
            guard !tags.isEmpty else { throw ValidationError("give at least one --tag") }
            for tag in tags {
                do { _ = try TagID(tag) } catch { throw ValidationError("--tag \(error.description)") }
            }
        }

        func run() async throws {
            let now = SystemWallClock().now()
            let start: Timestamp, end: Timestamp
            do {
                start = try Self.parseTime(from, now: now)
                end = try Self.parseTime(to, now: now)
            } catch {
                printError("error: \(error.description)")
                throw ExitCode(2)
            }
            guard start <= end else {
                printError("error: --from \(start.iso8601) is after --to \(end.iso8601)")
                throw ExitCode(2)
            }
            try HistorianCommand.requireExisting(options.dataDir)
            let ids = tags.map { TagID(unchecked: $0) }
            let store = try await HistorianCommand.openStore(options.dataDir)
            let known = Set(try await store.tags().map(\.id))
            if let missing = ids.first(where: { !known.contains($0) }) {
                try? await store.close()
                printError("error: tag '\(missing)' is not in the historian in \(options.dataDir); `millrace historian stats` lists the tags")
                throw ExitCode(2)
            }
            let sink: FileHandle
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: nil), let handle = FileHandle(forWritingAtPath: output) else {
                    try? await store.close()
                    printError("error: \(output): cannot create the file")
                    throw ExitCode(2)
                }
                sink = handle
            } else {
                sink = FileHandle.standardOutput
            }
            let writer = CSVWriter(lineEnding: "\n")
            var text = writer.line(long ? ["time", "tag", "value", "quality"] : ["time"] + tags)
            var cursors = ids.map { ExportCursor(tag: $0, from: start, to: end) }
            var rows = 0, samples = 0
            do throws(HistorianError) {
                for index in cursors.indices { try await cursors[index].fill(from: store) }
                while let time = cursors.compactMap(\.current?.time).min() {
                    var cells: [String] = long ? [] : ["time"] + Array(repeating: "", count: ids.count)
                    for index in cursors.indices {
                        guard let sample = cursors[index].current, sample.time == time else { continue }
                        if long {
                            text += writer.line([time.iso8601, ids[index].rawValue, Self.format(sample.value), sample.quality.description])
                            rows += 1
                        } else {
                            cells[index + 1] = Self.format(sample.value)
                        }
                        samples += 1
                        try await cursors[index].advance(in: store)
                    }
                    if !long {
                        cells[0] = time.iso8601
                        text += writer.line(cells)
                        rows += 1
                    }
                    if text.utf8.count >= 64 << 10 {
                        sink.write(Data(text.utf8))
                        text = ""
                    }
                }
            } catch {
                try? await store.close()
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
            sink.write(Data(text.utf8))
            if output != nil { try? sink.close() }
            try? await store.close()
            if let output {
                printError("exported \(rows) rows (\(samples) samples of \(ids.count) tags) from \(start.iso8601) to \(end.iso8601) to \(output)")
            }
        }

        /// A value as export writes it, and import reads it back.
        static func format(_ value: DataValue) -> String {
            switch value {
            case .double(let double): String(double)
            case .integer(let integer): String(integer)
            case .bool(let bool): bool ? "true" : "false"
            case .string(let string): string
            }
        }

        /// ISO 8601, `now`, or `now-<n><s|m|h|d>`.
        static func parseTime(_ text: String, now: Timestamp) throws(TimestampParseError) -> Timestamp {
            if text == "now" { return now }
            if text.hasPrefix("now-"), let unit = text.last, let count = Int64(text.dropFirst(4).dropLast()), count >= 0 {
                let seconds: Int64? =
                    switch unit {
                    case "s": 1
                    case "m": 60
                    case "h": 3600
                    case "d": 86_400
                    default: nil
                    }
                if let seconds { return now - .seconds(count * seconds) }
            }
            return try Timestamp(iso8601: text)
        }
    }
}
