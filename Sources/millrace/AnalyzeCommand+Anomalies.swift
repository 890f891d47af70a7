import Analytics
import ArgumentParser
import Foundation
import HistorianCore
import MillraceCore

extension AnalyzeCommand {
    /// `millrace analyze anomalies --train FILE --input FILE [--output FILE]`: trains the robust baselines, PCA and
    /// CUSUM of `Analytics/Anomaly` on a healthy period and scores another, row by row.
    struct Anomalies: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train anomaly models on a healthy period (CSV) and flag anomalies and change points in another.",
            discussion: """
                Both files: a header, a time column (ISO 8601 or epoch seconds/milliseconds, strictly increasing) and one
                numeric column per sensor; the input must have exactly the training file's sensor columns (any order).
                A row with an empty or NaN cell is skipped, counted, and written with the note 'skipped'. The output
                CSV has one line per input row: time, anomaly (1 while a T², SPE or robust-baseline rule is raised),
                score (largest statistic/limit ratio of the row; above 1 a test is past its limit), change_point (1 on
                a CUSUM change point), top_tags, note. Exit status 2 for unusable input.
                """)

        @Option(help: "The training file: a period the machine was healthy.") var train: String
        @Option(help: "The file to score.") var input: String
        @Option(help: "Write the scored CSV here (default: standard output).") var output: String?
        @Option(help: "Field delimiter: , ; | tab or space (default: detected).") var delimiter: String?
        @Option(help: "The time column (default: a column named time/timestamp/date, else the first).") var timeColumn: String?
        @Option(help: "A column giving the operating mode (load, speed, flow): baselines are kept per mode bin.") var modeColumn: String?

        func validate() throws {
            if let delimiter, TableDelimiter(argument: delimiter) == nil {
                throw ValidationError("--delimiter must be one ASCII character, 'tab' or 'space'")
            }
        }

        func run() throws {
            do {
                try analyse()
            } catch let error as AnalyzeInputError {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }

        private func analyse() throws {
            let delimiter = self.delimiter.flatMap(TableDelimiter.init(argument:))
            let training = try SensorRows(
                table: try TableFile.read(path: train, delimiter: delimiter), timeColumn: timeColumn, expectedTags: nil)
            if let modeColumn, !training.tags.contains(modeColumn) {
                throw AnalyzeInputError(train, line: 1, "the mode column '\(modeColumn)' is not among the sensor columns \(training.tags.joined(separator: ", "))")
            }
            let scored = try SensorRows(
                table: try TableFile.read(path: input, delimiter: delimiter), timeColumn: timeColumn, expectedTags: training.tags)

            let model: AssetAnomalyModel
            var monitor: AnomalyMonitor
            do throws(AnalyticsError) {
                let usable = training.entries.compactMap { entry in entry.values.map { (entry.time, $0) } }
                let window = try MultivariateWindow(tags: training.tags, times: usable.map(\.0), rows: usable.map(\.1))
                model = try AssetAnomalyModel.train(on: window, configuration: AssetAnomalyConfiguration(modeTag: modeColumn))
                monitor = try AnomalyMonitor(model: model)
            } catch {
                throw AnalyzeInputError(train, "cannot train on \(training.usableCount) usable rows: \(error.message)")
            }

            let writer = CSVWriter(delimiter: UInt8(ascii: ","), lineEnding: "\n")
            var text = writer.line(["time", "anomaly", "score", "change_point", "top_tags", "note"])
            var events: [Anomaly] = []
            var anomalousRows = 0
            var changePointRows = 0
            for entry in scored.entries {
                guard let values = entry.values else {
                    text += writer.line([entry.timeText, "", "", "", "", "skipped: no value for \(entry.missing ?? "")"])
                    continue
                }
                let outsideBefore = monitor.rowsOutsideTrainedModes
                let raised: [Anomaly]
                let row: AnomalyRowScore
                do throws(AnalyticsError) {
                    raised = try monitor.update(at: entry.time, values: values)
                    row = try model.rowScore(values)
                } catch {
                    throw AnalyzeInputError(input, line: entry.line, error.message)
                }
                events += raised
                if monitor.rowsOutsideTrainedModes > outsideBefore {
                    text += writer.line([entry.timeText, "", "", "", "", "not judged: mode outside the training range"])
                    continue
                }
                let changePoint = raised.contains { $0.kind == .changePoint }
                let flagged = monitor.isInAnomaly
                if flagged { anomalousRows += 1 }
                if changePoint { changePointRows += 1 }
                let tags = (raised.first?.contributions ?? row.contributions).prefix(3)
                    .map { "\($0.tag) \(Int((100 * $0.share).rounded()))%" }.joined(separator: "; ")
                text += writer.line([
                    entry.timeText, flagged ? "1" : "0", String(format: "%.3f", row.score), changePoint ? "1" : "0", tags,
                    raised.map(\.kind.rawValue).joined(separator: " "),
                ])
            }
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                    throw AnalyzeInputError(output, "cannot write the output file")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }

            var summary = "trained on \(training.usableCount) rows of \(train) (\(model.pca.summary))"
            if training.skipped > 0 { summary += "; \(training.skipped) training rows skipped for missing values" }
            summary += "\nscored \(scored.entries.count) rows of \(input): \(anomalousRows) anomalous, \(changePointRows) with a change point, \(events.count) anomaly events"
            summary += ", \(scored.skipped) skipped for missing values, \(monitor.rowsOutsideTrainedModes) not judged (mode outside training)"
            for event in events.prefix(20) { summary += "\nanomaly: \(event.explanation)" }
            if events.count > 20 { summary += "\n… and \(events.count - 20) more events" }
            printError(summary)
        }
    }
}

/// The rows of a sensor table: times, and the values in tag order (nil when a cell is missing).
struct SensorRows {
    struct Entry {
        var line: Int
        var time: Timestamp
        var timeText: String
        var values: [Double]?
        /// The first column without a value, when `values` is nil.
        var missing: String?
    }

    let tags: [String]
    let entries: [Entry]
    var skipped: Int { entries.count - usableCount }
    var usableCount: Int { entries.count { $0.values != nil } }

    /// - Parameter expectedTags: the training file's sensor columns; the input must have exactly these, in any order.
    init(table: TableFile, timeColumn: String?, expectedTags: [String]?) throws(AnalyzeInputError) {
        let path = table.path
        let timeIndex: Int
        if let timeColumn {
            guard let index = table.column(timeColumn) else {
                throw AnalyzeInputError(path, line: 1, "no time column '\(timeColumn)' (columns: \(table.header.joined(separator: ", ")))")
            }
            timeIndex = index
        } else {
            timeIndex = table.header.firstIndex { ["time", "timestamp", "datetime", "date", "ts"].contains($0.lowercased()) } ?? 0
        }
        var sensorIndices = table.header.indices.filter { $0 != timeIndex }
        guard !sensorIndices.isEmpty else { throw AnalyzeInputError(path, line: 1, "no sensor columns besides the time column") }
        if let expectedTags {
            let names = sensorIndices.map { table.header[$0] }
            if let missing = expectedTags.first(where: { !names.contains($0) }) {
                throw AnalyzeInputError(path, line: 1, "column '\(missing)' of the training file is missing")
            }
            if let extra = names.first(where: { !expectedTags.contains($0) }) {
                throw AnalyzeInputError(path, line: 1, "column '\(extra)' is not in the training file; the columns must be the same")
            }
            sensorIndices = expectedTags.map { table.column($0)! }
        }
        tags = sensorIndices.map { table.header[$0] }
        var entries: [Entry] = []
        entries.reserveCapacity(table.rows.count)
        for row in table.rows {
            let timeText = row.fields[timeIndex]
            let time: Timestamp
            switch TableFile.time(timeText) {
            case .success(let value): time = value
            case .failure(let error): throw AnalyzeInputError(path, line: row.line, error.message)
            }
            if let previous = entries.last, time <= previous.time {
                throw AnalyzeInputError(
                    path, line: row.line,
                    "time \(timeText) does not follow \(previous.timeText) (line \(previous.line)); times must strictly increase")
            }
            var values: [Double] = []
            var missing: String?
            for index in sensorIndices {
                if let value = try TableFile.number(row.fields[index], path: path, line: row.line, column: table.header[index]) {
                    values.append(value)
                } else if missing == nil {
                    missing = table.header[index]
                }
            }
            entries.append(Entry(line: row.line, time: time, timeText: timeText, values: missing == nil ? values : nil, missing: missing))
        }
        self.entries = entries
    }
}
