import Foundation
import Historian
import Logging
import MillraceCore
import MillraceTestSupport
import Testing

@testable import HistorianPostgres

/// Ingest throughput and size on disk of the PostgreSQL historian, on a throwaway cluster. Not a test of
/// correctness and slow, so it runs only when asked:
///
///     MILLRACE_POSTGRES_BENCHMARK=1000000 swift test --filter PostgresIngestBenchmark
///
/// 100 tags of a simulated process signal (a slow sine, noise, two decimals, 1 s apart), appended in batches
/// of 5,000 samples with the default durability (`synchronous_commit = on`). Prints samples per second and
/// bytes per sample (`pg_total_relation_size` of the historian's tables, before and after folding and VACUUM).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MILLRACE_POSTGRES_BENCHMARK"] != nil && PostgresServer.isAvailable))
struct PostgresIngestBenchmark {
    @Test func ingest() async throws {
        let total = Int(ProcessInfo.processInfo.environment["MILLRACE_POSTGRES_BENCHMARK"] ?? "") ?? 1_000_000
        let tagCount = 100
        let batchSize = 5_000
        let server = try await PostgresServer.start()
        do {
            let url = try await server.createDatabase("bench")
            var logger = Logger(label: "bench")
            logger.logLevel = .warning
            let store = try await PostgresHistorian.connect(url: url, logger: logger)
            let tags = (0..<tagCount).map { TagID(unchecked: "plant.unit\($0 / 10).sensor\($0 % 10)") }
            try await store.register(tags: tags.map { TagMetadata(id: $0, name: $0.rawValue, kind: .double, unit: .degreesCelsius) })
            var random = SplitMix64(seed: 7)
            let start = Timestamp(seconds: 1_767_225_600)
            let clock = ContinuousClock()
            var elapsed = Duration.zero
            var written = 0
            var batch: [TaggedSample] = []
            batch.reserveCapacity(batchSize)
            var second: Int64 = 0
            while written < total {
                batch.removeAll(keepingCapacity: true)
                while batch.count < batchSize, written + batch.count < total {
                    for (index, tag) in tags.enumerated() where batch.count < batchSize {
                        let phase = Double(second) / 600 + Double(index)
                        let value = 60 + 15 * sin(phase) + (random.nextUnitInterval() - 0.5) * 0.2
                        batch.append(TaggedSample(tag: tag, time: start + .seconds(second), value: .double((value * 100).rounded() / 100)))
                    }
                    second += 1
                }
                let began = clock.now
                try await store.append(batch)
                elapsed += clock.now - began
                written += batch.count
            }
            let rate = Double(written) / elapsed.secondsDouble
            let tables = "historian_chunk', 'historian_staging', 'historian_current', 'historian_tag"
            let sizeQuery = "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY['\(tables)']::regclass[]) AS c"
            let asIngested = Int(try await server.psql(sizeQuery, database: "bench").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            let folding = clock.now
            try await store.foldAll()
            let foldTime = clock.now - folding
            _ = try await server.psql("VACUUM FULL", database: "bench")
            let compacted = Int(try await server.psql(sizeQuery, database: "bench").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            let chunkBytes = try await server.psql("SELECT sum(octet_length(data)), count(*) FROM historian_chunk", database: "bench")
            print(
                """
                PostgresHistorian ingest: \(written) samples, \(tagCount) tags, batches of \(batchSize)
                  append: \(Int(rate)) samples/s (\(elapsed) in appends, folds included)
                  on disk as ingested: \(asIngested) bytes = \(String(format: "%.2f", Double(asIngested) / Double(written))) bytes/sample
                  after foldAll (\(foldTime)) and VACUUM FULL: \(compacted) bytes = \(String(format: "%.2f", Double(compacted) / Double(written))) bytes/sample
                  chunk payload bytes, chunks: \(chunkBytes.trimmingCharacters(in: .whitespacesAndNewlines))
                """)
            let read = try await store.samples(of: tags[0], from: start, to: start + .seconds(second), limit: total)
            #expect(read.count == (written / tagCount))
            try await store.close()
        } catch {
            server.stopNow()
            throw error
        }
        try await server.stop()
    }
}
