import ArgumentParser
import Foundation
import GRDB
import Historian
import HistorianCore
import Logging
import MillraceApp
import MillraceConfiguration
import MillraceCore
import Simulator

// The Millrace side of `Benchmarks/historian/run` (docs/adr/0014-historian-benchmark.md): data sets as line
// protocol files, in-process ingest into Millrace and SQLite, in-process query latencies. The script drives
// InfluxDB and VictoriaMetrics over HTTP with the same files.
extension BenchCommand {
    /// The benchmark starts its data sets here: 2026-01-01T00:00:00Z (the year set ends here).
    static let dataStart = Timestamp(seconds: 1_767_225_600)

    struct Dataset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dataset", abstract: "Write a benchmark data set as InfluxDB line protocol (µs timestamps).",
            discussion: """
                tsbs: TSBS cpu-only shaped — HOSTS hosts (hostname, region, datacenter) × 10 usage_* metrics, clamped
                random walks in 0–100, every 10 s. industrial: the built-in plant simulated every second (PlantBacktest).
                year: one tag ('year.value') at 1 Hz, a random walk quantised to 0.01, ending at 2026-01-01.
                The same seed gives the same file.
                """,
            shouldDisplay: false)

        enum Kind: String, ExpressibleByArgument, CaseIterable { case tsbs, industrial, year }

        @Option(help: "tsbs, industrial or year.") var kind: Kind
        @Option(help: "How much time the data set covers (e.g. 1h, 1d, 365d).") var duration = "1d"
        @Option(help: "TSBS: the number of hosts.") var hosts = 100
        @Option(help: "Random seed.") var seed: UInt64 = 2026
        @Option(help: "The file to write.") var output: String

        func run() async throws {
            let length: Duration
            do { length = try ConfigDuration(parsing: duration).duration } catch {
                throw ValidationError("--duration: '\(duration)' is not a duration such as 1h, 1d or 365d")
            }
            let partial = output + ".partial"
            var writer = try BenchLineProtocolWriter(path: partial)
            let began = ContinuousClock.now
            switch kind {
            case .tsbs: try Self.writeTSBS(hosts: hosts, duration: length, seed: seed, into: &writer)
            case .year: try Self.writeYear(duration: length, seed: seed, into: &writer)
            case .industrial: writer = try await Self.writeIndustrial(duration: length, seed: seed, writer: writer)
            }
            try writer.close()
            try? FileManager.default.removeItem(atPath: output)
            try FileManager.default.moveItem(atPath: partial, toPath: output)
            let seconds = (ContinuousClock.now - began).secondsDouble
            print("dataset \(kind.rawValue): \(writer.samples) samples in \(writer.lines) lines written to \(output) in \(String(format: "%.1f", seconds)) s")
        }

        static let tsbsMetrics = [
            "usage_user", "usage_system", "usage_idle", "usage_nice", "usage_iowait", "usage_irq", "usage_softirq",
            "usage_steal", "usage_guest", "usage_guest_nice",
        ]
        static let tsbsRegions = [
            "us-east-1", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-southeast-2",
            "ap-northeast-1", "sa-east-1",
        ]

        /// TSBS cpu-only: each metric a random walk with standard normal steps, clamped to 0–100, full precision.
        static func writeTSBS(hosts: Int, duration: Duration, seed: UInt64, into writer: inout BenchLineProtocolWriter) throws {
            var random = SplitMix64(seed: seed)
            let series = (0..<hosts).map { host -> String in
                let region = tsbsRegions[Int(random.next() % UInt64(tsbsRegions.count))]
                let zone = ["a", "b", "c"][Int(random.next() % 3)]
                return "cpu,hostname=host_\(host),region=\(region),datacenter=\(region)\(zone)"
            }
            var values = (0..<hosts).map { _ in tsbsMetrics.map { _ in random.nextUnitInterval() * 100 } }
            let steps = Int(duration.microseconds / 10_000_000)
            for step in 0..<steps {
                let time = dataStart + .seconds(Int64(step) * 10)
                for host in 0..<hosts {
                    var fields: [(String, DataValue)] = []
                    fields.reserveCapacity(tsbsMetrics.count)
                    for metric in 0..<tsbsMetrics.count {
                        values[host][metric] = min(100, max(0, values[host][metric] + normal(&random)))
                        fields.append((tsbsMetrics[metric], .double(values[host][metric])))
                    }
                    try writer.write(series: series[host], fields: fields, time: time)
                }
                if step % max(1, steps / 10) == 0 { progress("tsbs", Double(step) / Double(steps)) }
            }
        }

        /// One sensor at 1 Hz: a slow random walk quantised to 0.01 (like a temperature), ending at `dataStart`.
        static func writeYear(duration: Duration, seed: UInt64, into writer: inout BenchLineProtocolWriter) throws {
            var random = SplitMix64(seed: seed)
            var value = 50.0
            let count = Int(duration.microseconds / 1_000_000)
            let start = dataStart - .seconds(Int64(count))
            for index in 0..<count {
                value = min(150, max(-50, value + (random.nextUnitInterval() - 0.5) * 0.2))
                try writer.write(
                    series: "year", fields: [("value", .double((value * 100).rounded() / 100))], time: start + .seconds(Int64(index)))
                if index % max(1, count / 20) == 0 { progress("year", Double(index) / Double(count)) }
            }
        }

        /// The default plant (seed, demo faults) simulated every second through `PlantBacktest`, the path of
        /// `millrace sim --backtest`, recorded instead of stored.
        static func writeIndustrial(duration: Duration, seed: UInt64, writer: BenchLineProtocolWriter) async throws
            -> BenchLineProtocolWriter
        {
            let recorder = LineProtocolRecorder(writer: writer)
            let backtest = PlantBacktest(
                seed: seed, layout: .packagingLine,
                scenarios: PlantSimulatorService.demoScenarios(seed: seed, start: dataStart), start: dataStart,
                duration: duration, step: .seconds(1))
            _ = try await backtest.run(into: recorder) { progress("industrial", $0) }
            return try await recorder.finish()
        }

        static func normal(_ random: inout SplitMix64) -> Double {
            // Box–Muller; 1 - u keeps the logarithm finite.
            let u = 1 - random.nextUnitInterval()
            let v = random.nextUnitInterval()
            return (-2 * Foundation.log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load",
            abstract: "Ingest a line protocol data set into Millrace (in-process ChunkedHistorian.append) or SQLite.",
            discussion: """
                The file is parsed into batches first (not timed); then WORKERS tasks append the batches concurrently
                and the wall time is measured. Files over --preload-limit bytes are streamed instead (parse and
                append alternate; only the appends are timed). Prints one JSON object.
                """,
            shouldDisplay: false)

        enum Engine: String, ExpressibleByArgument, CaseIterable { case millrace, sqlite }

        @Option(help: "millrace or sqlite.") var engine: Engine
        @Option(help: "The line protocol file.") var input: String
        @Option(help: "The data directory (created).") var directory: String
        @Option(help: "Samples per batch (one append or one transaction each).") var batch = 5_000
        @Option(help: "Concurrent writers.") var workers = 2
        @Option(help: "Millrace sync policy: normal or full.") var sync = "normal"
        @Option(help: "Files larger than this many bytes are streamed rather than parsed up front.")
        var preloadLimit = 800_000_000

        // Not optimised: Swift 6.3.1's release build crashes (signal 11 in LLVM's coroutine splitting,
        // emitSetAndGetSwiftErrorValueAround) on this function once the typed-throws appends are inlined into it.
        // The time is spent inside the historian, which stays optimised.
        @_optimize(none)
        func run() async throws {
            guard let policy = HistorianSyncPolicy(rawValue: sync) else { throw ValidationError("--sync must be normal or full") }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let size = ((try? FileManager.default.attributesOfItem(atPath: input)[.size]) as? Int) ?? 0
            let target = try await Self.open(engine, directory: directory, sync: policy)
            let reader = try BenchLineProtocolReader(path: input)
            var samples = 0
            var seconds = 0.0
            let streamed = size > preloadLimit
            if streamed {
                while let next = try reader.nextBatch(of: batch) {
                    let chunk = next.samples
                    if !next.newTags.isEmpty { try await target.register(next.newTags) }
                    let began = ContinuousClock.now
                    try await target.append(chunk)
                    seconds += (ContinuousClock.now - began).secondsDouble
                    samples += chunk.count
                    if samples / (batch * 400) != (samples - chunk.count) / (batch * 400) {
                        FileHandle.standardError.write(Data("  load \(engine.rawValue): \(samples) samples\n".utf8))
                    }
                }
            } else {
                var batches: [[TaggedSample]] = []
                while let next = try reader.nextBatch(of: batch) { batches.append(next.samples) }
                try await target.register(reader.metadata)
                samples = batches.reduce(0) { $0 + $1.count }
                seconds = try await Self.appendConcurrently(batches, into: target, workers: workers)
            }
            reader.close()
            let closeBegan = ContinuousClock.now
            try await target.close()
            let closeSeconds = (ContinuousClock.now - closeBegan).secondsDouble
            print(
                #"{"engine": "\#(engine.rawValue)\#(policy == .full ? "-full" : "")", "samples": \#(samples), "tags": \#(reader.metadata.count), "seconds": \#(seconds), "close_seconds": \#(closeSeconds), "streamed": \#(streamed)}"#)
        }

        /// Wall time for `workers` tasks appending `batches` (each taking the next one not yet taken).
        static func appendConcurrently(_ batches: [[TaggedSample]], into target: any BenchTarget, workers: Int) async throws -> Double {
            let queue = BatchQueue(count: batches.count)
            let began = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<max(1, workers) {
                    group.addTask { try await drain(queue, batches, into: target) }
                }
                try await group.waitForAll()
            }
            return (ContinuousClock.now - began).secondsDouble
        }

        static func drain(_ queue: BatchQueue, _ batches: [[TaggedSample]], into target: any BenchTarget) async throws {
            while let index = await queue.next() { try await target.append(batches[index]) }
        }

        static func open(_ engine: Engine, directory: String, sync: HistorianSyncPolicy) async throws -> any BenchTarget {
            switch engine {
            case .millrace:
                var options = ChunkedHistorian.Options()
                options.sync = sync
                return try await ChunkedHistorian.open(directory: directory, options: options, logger: quietLogger)
            case .sqlite:
                return try SQLiteRowTarget(path: directory + "/samples.sqlite")
            }
        }
    }

    struct Query: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Query latencies of a Millrace store in-process: last values, hourly means, a min/max plot.",
            discussion: "Each query runs once untimed, then REPETITIONS times (fewer if --max-seconds passes first). Prints one JSON object per query.",
            shouldDisplay: false)

        @Option(help: "The data directory of a ChunkedHistorian.") var directory: String
        @Option(help: "Timed runs per query.") var repetitions = 50
        @Option(help: "Stop repeating a query after this many seconds and 5 runs, or after 3 times as long.") var maxSeconds = 60.0
        @Flag(help: "(a) the newest sample of every tag in the store.") var latest = false
        @Option(help: "(b)/(c) the tag to aggregate or plot.") var tag: String?
        @Option(help: "Start of the range, µs since the epoch.") var fromMicros: Int64?
        @Option(help: "End of the range, µs since the epoch.") var toMicros: Int64?
        @Flag(help: "(b) hourly means of --tag over the range.") var aggregate = false
        @Option(help: "(c) a min/max plot of --tag over the range with this many pixels.") var plot: Int?

        func run() async throws {
            let store = try await ChunkedHistorian.open(directory: directory, logger: quietLogger)
            if latest {
                let ids = try await store.tags().map(\.id)
                try await Self.measure("a", repetitions: repetitions, maxSeconds: maxSeconds) {
                    try await store.latest(of: ids).count
                }
            }
            if aggregate || plot != nil {
                guard let tag, let id = try? TagID(tag), let fromMicros, let toMicros else {
                    throw ValidationError("--aggregate and --plot need --tag, --from-micros and --to-micros")
                }
                let from = Timestamp(microseconds: fromMicros), to = Timestamp(microseconds: toMicros)
                if aggregate {
                    try await Self.measure("b", repetitions: repetitions, maxSeconds: maxSeconds) {
                        try await store.aggregate(
                            id, from: from, to: to, interval: .seconds(3600), kind: .mean,
                            options: AggregationOptions(filter: .goodOnly, mode: .linear)
                        ).count
                    }
                }
                if let plot {
                    try await Self.measure("c", repetitions: repetitions, maxSeconds: maxSeconds) {
                        try await store.plot(id, from: from, to: to, pixels: plot, method: .minMax).count
                    }
                }
            }
            try await store.close()
        }

        static func measure(_ name: String, repetitions: Int, maxSeconds: Double, _ body: () async throws -> Int) async throws {
            let count = try await body()  // warm-up, untimed
            var times: [Double] = []
            let began = ContinuousClock.now
            for _ in 0..<max(1, repetitions) {
                let start = ContinuousClock.now
                _ = try await body()
                times.append((ContinuousClock.now - start).secondsDouble * 1000)
                let elapsed = (ContinuousClock.now - began).secondsDouble
                if elapsed > maxSeconds, times.count >= 5 || elapsed > 3 * maxSeconds { break }
            }
            times.sort()
            print(
                #"{"engine": "millrace-inprocess", "query": "\#(name)", "runs": \#(times.count), "p50_ms": \#(percentile(times, 0.5)), "p99_ms": \#(percentile(times, 0.99)), "result_rows": \#(count)}"#)
        }
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    static let quietLogger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Progress on stderr, so stdout stays the result.
    static func progress(_ what: String, _ fraction: Double) {
        FileHandle.standardError.write(Data(String(format: "  %@ %5.1f%%\n", what, min(1, fraction) * 100).utf8))
    }
}

/// What `bench load` writes into.
protocol BenchTarget: Sendable {
    func register(_ tags: [TagMetadata]) async throws
    func append(_ samples: [TaggedSample]) async throws
    func close() async throws
}

extension ChunkedHistorian: BenchTarget {
    func register(_ tags: [TagMetadata]) async throws { try await register(tags: tags) }
}

/// The SQLite peer: one indexed row per sample, WAL with synchronous=NORMAL, one transaction per batch
/// (the schema of `millrace bench ingest`).
final class SQLiteRowTarget: BenchTarget {
    let pool: DatabasePool

    init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS sample (tag TEXT NOT NULL, t INTEGER NOT NULL, value REAL, quality INTEGER NOT NULL)")
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS sample_tag_t ON sample (tag, t)")
        }
    }

    func register(_ tags: [TagMetadata]) async throws {}

    func append(_ samples: [TaggedSample]) async throws {
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO sample (tag, t, value, quality) VALUES (?, ?, ?, ?)")
            for tagged in samples {
                try statement.execute(arguments: [
                    tagged.tag.rawValue, tagged.sample.time.microseconds, tagged.sample.value.numericValue,
                    tagged.sample.quality.isGood ? 0 : 1,
                ])
            }
        }
    }

    func close() async throws {
        _ = try await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try pool.close()
    }
}

/// Hands out batch indices to concurrent writers.
actor BatchQueue {
    private var nextIndex = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }
}

/// A `HistorianStore` that writes what `PlantBacktest` appends as line protocol (one line per asset and time)
/// instead of storing it; reads return nothing.
actor LineProtocolRecorder: HistorianStore {
    private var writer: BenchLineProtocolWriter

    init(writer: BenchLineProtocolWriter) { self.writer = writer }

    func register(tags: [TagMetadata]) async throws(HistorianError) {}

    func append(_ samples: [TaggedSample]) async throws(HistorianError) {
        // Consecutive samples of one asset at one time become one line, as a gateway would send them.
        var index = 0
        while index < samples.count {
            let (series, _) = Self.split(samples[index].tag)
            let time = samples[index].sample.time
            var fields: [(String, DataValue)] = []
            while index < samples.count, samples[index].sample.time == time {
                let (nextSeries, field) = Self.split(samples[index].tag)
                guard nextSeries == series else { break }
                fields.append((field, samples[index].sample.value))
                index += 1
            }
            do { try writer.write(series: series, fields: fields, time: time) } catch {
                throw HistorianError(.storage, "cannot write the data set: \(error)")
            }
        }
    }

    /// `demo.utilities.pump-1.flow` → (`demo.utilities.pump-1`, `flow`).
    static func split(_ tag: TagID) -> (String, String) {
        let raw = tag.rawValue
        guard let dot = raw.lastIndex(of: ".") else { return ("plant", raw) }
        return (String(raw[..<dot]), String(raw[raw.index(after: dot)...]))
    }

    func finish() throws -> BenchLineProtocolWriter { writer }

    func samples(of tag: TagID, from: Timestamp, to: Timestamp, limit: Int) async throws(HistorianError) -> [Sample] { [] }
    func sample(of tag: TagID, before time: Timestamp) async throws(HistorianError) -> Sample? { nil }
    func sample(of tag: TagID, atOrAfter time: Timestamp) async throws(HistorianError) -> Sample? { nil }
    func latest(of tags: [TagID]) async throws(HistorianError) -> [TagID: Sample] { [:] }
    func tags() async throws(HistorianError) -> [TagMetadata] { [] }
    func close() async throws(HistorianError) {}
}
