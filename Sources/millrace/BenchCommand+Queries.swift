import ArgumentParser
import Foundation
import Historian
import HistorianCore
import Logging
import MillraceCore

extension BenchCommand {
    /// Query latencies of the historian issue: (a) the last value of 1,000 tags, (b) hourly averages over a
    /// day for one tag, (c) a 2,000-pixel plot of a year of 1 Hz data for one tag, each from the rollup path
    /// and, for comparison and as a check, from a raw scan.
    struct Queries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Query latencies of the chunked historian: last values, hourly averages, a year's plot.",
            discussion: """
                Ingests a synthetic 1 Hz signal (slow waves, noise quantised to 0.01, a spike now and then; fixed \
                seed) for one tag over --days days plus one value for each of --tags tags, then times each query \
                --iterations times and prints p50 and p99. The rollup answers are compared with a raw scan of the \
                same data (they must be equal). Reuse a store with --data-dir to skip the ingest on later runs.
                """)

        @Option(help: "Days of 1 Hz data for the plot tag.") var days = 365
        @Option(help: "Tags for the last-value query.") var tags = 1_000
        @Option(help: "Timed runs per query.") var iterations = 50
        @Option(help: "Plot width in pixels.") var pixels = 2_000
        @Option(help: "Keep the store in this directory (reused if it already holds the data).") var dataDir: String?

        static let start = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z
        static let plotTag = TagID(unchecked: "bench.year")

        func run() async throws {
            let base = dataDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("millrace-bench-queries-\(getpid())")
            let keep = dataDir != nil
            if !keep { try? FileManager.default.removeItem(atPath: base) }
            defer { if !keep { try? FileManager.default.removeItem(atPath: base) } }
            let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
            let store = try await ChunkedHistorian.open(directory: base, logger: logger)
            let lastTags = (0..<tags).map { TagID(unchecked: "bench.last\($0)") }
            try await store.register(
                tags: [TagMetadata(id: Self.plotTag, name: "Year", kind: .double)]
                    + lastTags.map { TagMetadata(id: $0, name: $0.rawValue, kind: .double) })
            let total = Int64(days) * 86_400
            let end = Self.start + .seconds(total)
            let existing = try await store.latest(of: [Self.plotTag])[Self.plotTag]
            if existing?.time != end - .seconds(1) {
                print("ingesting \(total) samples of \(Self.plotTag) (1 Hz, \(days) days) and 1 sample for each of \(tags) tags…")
                let seconds = try await BenchCommand.Ingest.measure {
                    var random = SplitMix64(seed: 11)
                    var batch: [TaggedSample] = []
                    batch.reserveCapacity(10_000)
                    for second in 0..<total {
                        batch.append(TaggedSample(tag: Self.plotTag, time: Self.start + .seconds(second), value: .double(Self.value(second, &random))))
                        if batch.count == 10_000 {
                            try await store.append(batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    try await store.append(batch)
                    try await store.append(lastTags.enumerated().map { index, tag in
                        TaggedSample(tag: tag, time: Self.start + .seconds(Int64(index)), value: .double(Double(index)))
                    })
                }
                print(String(format: "ingest: %.1f s, %.0f samples/s (rollups maintained on ingest)", seconds, Double(total) / seconds))
            }
            let rollups = try await store.rollupStatistics()
            print("rollup rows: " + RollupResolution.allCases.map { "\($0.name) \(rollups[$0, default: 0])" }.joined(separator: ", "))

            // (a) last value of 1,000 tags.
            let a = try await Self.time(iterations) { _ = try await store.latest(of: lastTags) }
            // (b) hourly time-weighted averages over one day (a day in the middle of the data).
            let day = Self.start + .seconds(max(0, total / 2 / 86_400) * 86_400)
            let options = AggregationOptions()
            let b = try await Self.time(iterations) {
                _ = try await store.aggregate(
                    Self.plotTag, from: day, to: day + .seconds(86_400), interval: .seconds(3600), kind: .timeWeightedAverage, options: options)
            }
            let bRaw = try await Self.time(max(1, iterations / 10)) {
                _ = try await store.rawAggregate(
                    Self.plotTag, from: day, to: day + .seconds(86_400), interval: .seconds(3600), kind: .timeWeightedAverage, options: options)
            }
            // (c) a plot of the whole range.
            var fast: [PlotPoint] = []
            let c = try await Self.time(iterations) {
                fast = try await store.plot(Self.plotTag, from: Self.start, to: end, pixels: pixels, method: .minMax)
            }
            var raw: [PlotPoint] = []
            let cRaw = try await Self.time(1) {
                raw = try await store.rawPlot(Self.plotTag, from: Self.start, to: end, pixels: pixels, method: .minMax)
            }
            let hourly = try await store.aggregate(
                Self.plotTag, from: day, to: day + .seconds(86_400), interval: .seconds(3600), kind: .timeWeightedAverage, options: options)
            let hourlyRaw = try await store.rawAggregate(
                Self.plotTag, from: day, to: day + .seconds(86_400), interval: .seconds(3600), kind: .timeWeightedAverage, options: options)
            let hourlyAgree = zip(hourly, hourlyRaw).allSatisfy { x, y in
                guard let p = x.value, let q = y.value else { return x.value == y.value }
                return abs(p - q) <= 1e-9 * max(1, abs(p), abs(q))
            }
            try await store.close()

            func row(_ name: String, _ p: (p50: Double, p99: Double)) {
                print(name.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%10.3f ms %10.3f ms", p.p50 * 1000, p.p99 * 1000))
            }
            print("query".padding(toLength: 52, withPad: " ", startingAt: 0) + "       p50          p99")
            row("(a) last value of \(tags) tags", a)
            row("(b) hourly averages over a day (rollups)", b)
            row("    same from a raw scan", bRaw)
            row("(c) plot of \(days) days of 1 Hz, \(pixels) px (rollups)", c)
            row("    same from a raw scan (1 run)", cRaw)
            print("plot points: \(fast.count); identical to the raw scan: \(fast == raw ? "yes" : "NO")")
            print("hourly averages equal to the raw scan (1e-9 relative): \(hourlyAgree && hourly.count == hourlyRaw.count ? "yes" : "NO")")
        }

        /// A slow daily wave plus a weekly one, noise quantised to 0.01, and a spike about once a day.
        static func value(_ second: Int64, _ random: inout SplitMix64) -> Double {
            let t = Double(second)
            var value = 50 + 10 * sin(t / 86_400 * 2 * .pi) + 5 * sin(t / 604_800 * 2 * .pi) + (random.nextUnitInterval() - 0.5)
            if random.next() % 86_400 == 0 { value += 40 }
            return (value * 100).rounded() / 100
        }

        static func time(_ iterations: Int, _ body: () async throws -> Void) async throws -> (p50: Double, p99: Double) {
            var durations: [Double] = []
            for _ in 0..<max(1, iterations) {
                durations.append(try await BenchCommand.Ingest.measure(body))
            }
            durations.sort()
            func percentile(_ p: Double) -> Double { durations[min(durations.count - 1, Int((Double(durations.count) * p).rounded(.up)) - 1)] }
            return (percentile(0.5), percentile(0.99))
        }
    }
}
