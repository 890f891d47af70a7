import Analytics
import ArgumentParser
import Foundation
import HistorianCore
import MillraceCore

extension AnalyzeCommand {
    /// `millrace analyze rul --train PATH --input FILE`: remaining useful life of each unit of the input, by similarity
    /// to run-to-failure histories (and by its own trend to a threshold when one is given).
    struct RUL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rul",
            abstract: "Remaining useful life per unit, with an 80 % interval, from run-to-failure histories.",
            discussion: """
                --train is a directory with one run-to-failure history per file (the file name is the unit), or one
                file with a unit column; every history ends at its failure. --input holds the units still running
                (a unit column, or one unit per file). Each file has a time column (cycles, hours, or ISO 8601 times,
                read as days) and a health-indicator column. Files without a header name their columns with
                --columns; --preset cmapss reads NASA C-MAPSS text files (whitespace, no header: unit cycle setting1-3
                s1-s21). Output CSV: unit, observations, time_seen, rul_median, rul_low, rul_high, method; with
                --threshold a second row per unit extrapolates the unit's own trend to that threshold.
                """)

        enum Preset: String, ExpressibleByArgument {
            case cmapss
        }

        @Option(help: "Run-to-failure histories: a directory (one unit per file) or a file with a unit column.") var train: String
        @Option(help: "The units to estimate.") var input: String
        @Option(help: "Also extrapolate each unit's trend to this health-indicator value (linear degradation model).") var threshold: Double?
        @Option(help: "The health-indicator column, or several comma-separated (fused into one; default: the only column besides unit and time).") var healthColumn: String?
        @Option(help: "The unit-id column.") var unitColumn = "unit"
        @Option(help: "The time column (default: cycle, cycles, time or timestamp).") var timeColumn: String?
        @Option(help: "Field delimiter: , ; | tab or space (default: detected).") var delimiter: String?
        @Option(help: "Column names for files without a header, comma-separated.") var columns: String?
        @Option(help: "A known file layout: cmapss (NASA turbofan degradation, whitespace, no header).") var preset: Preset?
        @Option(help: "Observations of a unit matched against the histories.") var window = 30
        @Option(help: "Write the CSV here (default: standard output).") var output: String?

        private var healthColumns: [String]? {
            healthColumn.map { $0.split(separator: ",").map { String(CSVCellParser.trimmed(String($0))) } }
        }

        static let cmapssColumns = ["unit", "cycle", "setting1", "setting2", "setting3"] + (1...21).map { "s\($0)" }

        func validate() throws {
            if let delimiter, TableDelimiter(argument: delimiter) == nil {
                throw ValidationError("--delimiter must be one ASCII character, 'tab' or 'space'")
            }
            if let threshold, !threshold.isFinite { throw ValidationError("--threshold must be a finite number") }
            guard window >= 2 else { throw ValidationError("--window must be at least 2") }
            if preset != nil && columns != nil { throw ValidationError("--preset and --columns cannot be combined") }
        }

        func run() throws {
            do {
                try estimate()
            } catch let error as AnalyzeInputError {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }

        private var layout: (delimiter: TableDelimiter?, columns: [String]?) {
            if preset == .cmapss { return (.whitespace, Self.cmapssColumns) }
            let names = columns?.split(separator: ",").map { String(CSVCellParser.trimmed(String($0))) }
            return (delimiter.flatMap(TableDelimiter.init(argument:)), names)
        }

        private func estimate() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: train, isDirectory: &isDirectory) else {
                throw AnalyzeInputError(train, "the file or directory does not exist")
            }
            var histories: [UnitSeries] = []
            if isDirectory.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: train)) ?? [])
                    .filter { !$0.hasPrefix(".") }.sorted()
                for name in names {
                    let path = (train as NSString).appendingPathComponent(name)
                    histories += try units(in: path, defaultUnit: (name as NSString).deletingPathExtension)
                }
                guard !histories.isEmpty else { throw AnalyzeInputError(train, "the directory holds no history files") }
            } else {
                histories = try units(in: train, defaultUnit: nil)
            }
            let fusion = try HealthIndicatorFusion.learn(from: histories, names: healthColumns ?? [])
            let library: [RunToFailureHistory]
            do throws(AnalyticsError) {
                library = try histories.map { unit throws(AnalyticsError) in
                    try RunToFailureHistory(id: unit.id, observations: HealthIndicatorFusion.observations(of: unit, fusion: fusion))
                }
            } catch {
                throw AnalyzeInputError(train, error.message)
            }
            let current = try units(in: input, defaultUnit: (input as NSString).lastPathComponent.split(separator: ".").first.map(String.init) ?? "unit")
                .map { (id: $0.id, observations: HealthIndicatorFusion.observations(of: $0, fusion: fusion)) }

            let writer = CSVWriter(delimiter: UInt8(ascii: ","), lineEnding: "\n")
            var text = writer.line(["unit", "observations", "time_seen", "rul_median", "rul_low", "rul_high", "method"])
            func number(_ value: Double) -> String { value.isFinite ? String(format: "%.1f", value) : "inf" }
            var estimated = 0
            for unit in current {
                let seen = unit.observations.last.map { number($0.time - unit.observations[0].time) } ?? ""
                var rows: [[String]] = []
                do throws(AnalyticsError) {
                    var similarity = try SimilarityRULEstimator(library: library, windowLength: window)
                    try similarity.update(with: unit.observations)
                    let estimate = try similarity.estimate()
                    rows.append([unit.id, "\(unit.observations.count)", seen, number(estimate.median), number(estimate.lower), number(estimate.upper), estimate.method])
                    estimated += 1
                } catch {
                    rows.append([unit.id, "\(unit.observations.count)", seen, "", "", "", "not estimated by similarity: \(error.message)"])
                }
                if let threshold {
                    rows.append(degradationRow(unit: unit, threshold: threshold, seen: seen, number: number))
                }
                for row in rows { text += writer.line(row) }
            }
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                    throw AnalyzeInputError(output, "cannot write the output file")
                }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            let lives = library.map { $0.failureTime - $0.startTime }.sorted()
            printError(
                "library: \(library.count) run-to-failure histories, lives \(number(lives.first ?? 0))–\(number(lives.last ?? 0)) (median \(number(lives[lives.count / 2]))); "
                    + "\(estimated) of \(current.count) units estimated by similarity (80 % intervals)")
        }

        /// The unit's own trend to `threshold` (Bayesian linear regression); a falling indicator is negated.
        private func degradationRow(unit: (id: String, observations: [HealthObservation]), threshold: Double, seen: String, number: (Double) -> String) -> [String] {
            let falling = unit.observations.first.map { threshold < $0.value } ?? false
            let sign = falling ? -1.0 : 1.0
            do throws(AnalyticsError) {
                var model = try DegradationRULEstimator(kind: .linear, threshold: sign * threshold)
                try model.update(with: unit.observations.map { HealthObservation(time: $0.time, value: sign * $0.value) })
                let estimate = try model.estimate()
                return [unit.id, "\(unit.observations.count)", seen, number(estimate.median), number(estimate.lower), number(estimate.upper),
                        "trend to threshold \(threshold): \(estimate.method)"]
            } catch {
                return [unit.id, "\(unit.observations.count)", seen, "", "", "", "not estimated by trend: \(error.message)"]
            }
        }

        /// The units of one file: by its unit column, or the whole file as `defaultUnit`.
        private func units(in path: String, defaultUnit: String?) throws(AnalyzeInputError) -> [UnitSeries] {
            let layout = self.layout
            let table = try TableFile.read(path: path, delimiter: layout.delimiter, columns: layout.columns)
            let unitIndex = table.column(unitColumn)
            if unitIndex == nil && defaultUnit == nil {
                throw AnalyzeInputError(path, line: 1, "no unit column '\(unitColumn)': a single training file needs one (or pass a directory with one unit per file)")
            }
            let timeIndex: Int
            if let timeColumn {
                guard let index = table.column(timeColumn) else {
                    throw AnalyzeInputError(path, line: 1, "no time column '\(timeColumn)' (columns: \(table.header.joined(separator: ", ")))")
                }
                timeIndex = index
            } else {
                guard let index = table.header.firstIndex(where: { ["cycle", "cycles", "time", "timestamp"].contains($0.lowercased()) }) else {
                    throw AnalyzeInputError(path, line: 1, "no time column (cycle, cycles, time or timestamp); name it with --time-column")
                }
                timeIndex = index
            }
            let healthIndices: [Int]
            if let names = healthColumns {
                healthIndices = try names.map { name throws(AnalyzeInputError) in
                    guard let index = table.column(name) else {
                        throw AnalyzeInputError(path, line: 1, "no health-indicator column '\(name)' (columns: \(table.header.joined(separator: ", ")))")
                    }
                    return index
                }
            } else {
                let others = table.header.indices.filter { $0 != timeIndex && $0 != unitIndex }
                guard others.count == 1 else {
                    throw AnalyzeInputError(path, line: 1, "choose the health indicator with --health-column among \(others.map { table.header[$0] }.joined(separator: ", "))")
                }
                healthIndices = others
            }
            var order: [String] = []
            var series: [String: UnitSeries] = [:]
            var lastLine: [String: Int] = [:]
            for row in table.rows {
                let id = unitIndex.map { row.fields[$0] } ?? defaultUnit ?? ""
                let timeText = row.fields[timeIndex]
                let time: Double
                if let value = Double(timeText), value.isFinite {
                    time = value
                } else if case .success(let timestamp) = TableFile.time(timeText) {
                    time = Double(timestamp.microseconds) / 86_400_000_000
                } else {
                    throw AnalyzeInputError(path, line: row.line, "'\(timeText.prefix(40))' is not a time: expected a number (cycles, hours) or ISO 8601")
                }
                var values: [Double] = []
                for healthIndex in healthIndices {
                    guard let value = try TableFile.number(row.fields[healthIndex], path: path, line: row.line, column: table.header[healthIndex]) else {
                        throw AnalyzeInputError(path, line: row.line, "the health indicator '\(table.header[healthIndex])' is missing (NaN or empty); remove or fill the row")
                    }
                    values.append(value)
                }
                if series[id] == nil { order.append(id) }
                if let previous = series[id]?.times.last, time <= previous {
                    throw AnalyzeInputError(
                        path, line: row.line,
                        "unit \(id): time \(timeText) does not follow \(previous.plainText) (line \(lastLine[id] ?? 0)); times must strictly increase per unit")
                }
                series[id, default: UnitSeries(id: id, times: [], values: [])].times.append(time)
                series[id]?.values.append(values)
                lastLine[id] = row.line
            }
            return order.compactMap { series[$0] }
        }
    }
}

/// One unit's rows: times and the values of the health-indicator column(s).
struct UnitSeries {
    var id: String
    var times: [Double]
    /// values[i] holds row i's health columns, in the order given.
    var values: [[Double]]
}

/// How several columns become one health indicator: each standardised with its mean and spread over all training
/// rows, signed so that it rises toward failure (the sign of its correlation with the fraction of life used), and
/// averaged. Learned from the training histories alone. One column is used as it is.
struct HealthIndicatorFusion {
    var means: [Double]
    var scales: [Double]
    var signs: [Double]

    /// - Throws: a message when a column is constant over the training rows (it carries no information).
    static func learn(from histories: [UnitSeries], names: [String]) throws(AnalyzeInputError) -> HealthIndicatorFusion? {
        let width = histories.first?.values.first?.count ?? 0
        guard width > 1 else { return nil }
        var means: [Double] = [], scales: [Double] = [], signs: [Double] = []
        for column in 0..<width {
            var values: [Double] = [], fractions: [Double] = []
            for history in histories {
                guard let first = history.times.first, let last = history.times.last, last > first else { continue }
                for (time, row) in zip(history.times, history.values) {
                    values.append(row[column])
                    fractions.append((time - first) / (last - first))
                }
            }
            let count = Double(values.count)
            let mean = values.reduce(0, +) / count
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
            guard variance > 0 else {
                throw AnalyzeInputError("--health-column", "'\(names[column])' is constant in the training histories; leave it out")
            }
            let fractionMean = fractions.reduce(0, +) / count
            let covariance = zip(values, fractions).reduce(0) { $0 + ($1.0 - mean) * ($1.1 - fractionMean) }
            means.append(mean)
            scales.append(variance.squareRoot())
            signs.append(covariance < 0 ? -1 : 1)
        }
        return HealthIndicatorFusion(means: means, scales: scales, signs: signs)
    }

    func indicator(_ row: [Double]) -> Double {
        var sum = 0.0
        for index in row.indices { sum += signs[index] * (row[index] - means[index]) / scales[index] }
        return sum / Double(row.count)
    }

    static func observations(of unit: UnitSeries, fusion: HealthIndicatorFusion?) -> [HealthObservation] {
        zip(unit.times, unit.values).map { time, row in
            HealthObservation(time: time, value: fusion.map { $0.indicator(row) } ?? row[0])
        }
    }
}

extension Double {
    /// 3 for 3.0, 2.5 for 2.5: times as people wrote them.
    fileprivate var plainText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
