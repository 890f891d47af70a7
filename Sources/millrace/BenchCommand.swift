import ArgumentParser
import Foundation
import GRDB
import Historian
import Logging
import MillraceCore

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure Millrace on this machine.", subcommands: [Ingest.self, Dataset.self, Load.self, Query.self, Codec.self, Queries.self])

    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest throughput of the historian, next to plain SQLite with one row per sample.",
            discussion: "Both get the same samples (simulated sensor values, fixed seed), the same batch size and the same durability (WAL, synchronous=NORMAL).")

        @Option(help: "Number of tags.") var tags = 100
        @Option(help: "Samples per tag.") var samplesPerTag = 2_000
        @Option(help: "Samples per batch (one transaction each).") var batch = 1_000
        @Option(help: "Directory for the temporary databases.") var directory = NSTemporaryDirectory()

        func run() async throws {
            let total = tags * samplesPerTag
            print("bench ingest: \(tags) tags × \(samplesPerTag) samples = \(total) samples, batch \(batch)")
            let data = Self.dataset(tags: tags, samplesPerTag: samplesPerTag)
            let base = (directory as NSString).appendingPathComponent("millrace-bench-\(getpid())")
            try? FileManager.default.removeItem(atPath: base)
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: base) }

            // Millrace historian (the chunked engine, WAL included).
            let store = try await ChunkedHistorian.open(
                directory: base + "/millrace", logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
            try await store.register(tags: data.tags)
            let millraceSeconds = try await Self.measure {
                for start in stride(from: 0, to: data.samples.count, by: batch) {
                    try await store.append(Array(data.samples[start..<min(start + batch, data.samples.count)]))
                }
            }
            try await store.close()
            let millraceBytes = Self.size(base + "/millrace/historian.sqlite") + Self.size(base + "/millrace/historian.wal")

            // Baseline: SQLite, one row per sample, same batches and durability.
            var baselineConfiguration = Configuration()
            baselineConfiguration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            let pool = try DatabasePool(path: base + "/baseline.sqlite", configuration: baselineConfiguration)
            try await pool.write { db in
                try db.execute(sql: "CREATE TABLE sample (tag TEXT NOT NULL, t INTEGER NOT NULL, value REAL, quality INTEGER NOT NULL)")
                try db.execute(sql: "CREATE INDEX sample_tag_t ON sample (tag, t)")
            }
            let rows = data.samples.map { ($0.sample.time.microseconds, $0.tag.rawValue, $0.sample.value.numericValue ?? 0) }
            let baselineSeconds = try await Self.measure {
                for start in stride(from: 0, to: rows.count, by: batch) {
                    let slice = Array(rows[start..<min(start + batch, rows.count)])
                    try await pool.write { db in
                        let statement = try db.cachedStatement(sql: "INSERT INTO sample (tag, t, value, quality) VALUES (?, ?, ?, 0)")
                        for row in slice { try statement.execute(arguments: [row.1, row.0, row.2]) }
                    }
                }
            }
            _ = try await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try pool.close()
            let baselineBytes = Self.size(base + "/baseline.sqlite")

            let millraceRate = Double(total) / millraceSeconds
            let baselineRate = Double(total) / baselineSeconds
            func row(_ name: String, _ rate: String, _ size: String) -> String {
                name.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(repeating: " ", count: max(0, 14 - rate.count)) + rate
                    + String(repeating: " ", count: max(0, 16 - size.count)) + size
            }
            print(row("engine", "samples/s", "bytes/sample"))
            print(row("millrace historian", String(format: "%.0f", millraceRate), String(format: "%.1f", Double(millraceBytes) / Double(total))))
            print(row("sqlite, row per sample", String(format: "%.0f", baselineRate), String(format: "%.1f", Double(baselineBytes) / Double(total))))
            print(String(format: "ratio millrace/sqlite: %.2fx ingest, %.2fx size", millraceRate / baselineRate, Double(millraceBytes) / Double(baselineBytes)))
        }

        static func measure(_ body: () async throws -> Void) async throws -> Double {
            let clock = ContinuousClock()
            let elapsed = try await clock.measure { try await body() }
            return elapsed.secondsDouble
        }

        static func size(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
        }

        /// Sensor-like values: each tag a slow random walk quantised to 0.01, one sample per second.
        static func dataset(tags: Int, samplesPerTag: Int) -> (tags: [TagMetadata], samples: [TaggedSample]) {
            var random = SplitMix64(seed: 7)
            let ids = (0..<tags).map { TagID(unchecked: "bench.tag\($0)") }
            let metadata = ids.map { TagMetadata(id: $0, name: $0.rawValue, kind: .double) }
            var values = (0..<tags).map { _ in 20 + random.nextUnitInterval() * 60 }
            var samples: [TaggedSample] = []
            samples.reserveCapacity(tags * samplesPerTag)
            let start = Timestamp(seconds: 1_767_225_600)
            for step in 0..<samplesPerTag {
                let time = start + .seconds(Int64(step))
                for index in 0..<tags {
                    values[index] += (random.nextUnitInterval() - 0.5) * 0.2
                    samples.append(TaggedSample(tag: ids[index], time: time, value: .double((values[index] * 100).rounded() / 100)))
                }
            }
            return (metadata, samples)
        }
    }
}
