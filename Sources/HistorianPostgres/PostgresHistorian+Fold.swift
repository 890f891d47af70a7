import Historian
import HistorianCore
import Logging
import MillraceCore
import PostgresNIO

extension PostgresHistorian {
    /// The advisory lock class for folds: one lock per tag (`pg_advisory_xact_lock(class, tag)`), so two
    /// writers sharing a database never fold the same tag at once and a tag's chunks stay non-overlapping.
    static let foldLockClass: Int32 = 0x4D52_4846  // "MRHF"

    /// What a fold did.
    struct FoldOutcome: Sendable {
        var remaining: Staged
        var chunksWritten: Int
        var quarantined: [(start: Int64, reason: String)]
    }

    /// Moves a tag's staged samples into chunks (ADR 0010), in one transaction: samples newer than the tag's
    /// newest chunk become new chunks (closed groups only, unless `force`), late ones are merged into the
    /// chunk they belong in. A crash at any point leaves either the staged rows or the chunks, never both
    /// or neither.
    func fold(tag: Int32, force: Bool) async throws(HistorianError) {
        guard let name = names[tag], let kind = tagStates[name]?.metadata.kind else { return }
        let grouping = self.grouping
        let outcome = try await session.transaction("fold the staged samples of '\(name)' into chunks") { connection, logger in
            try await Self.fold(tag: tag, kind: kind, grouping: grouping, force: force, connection: connection, logger: logger)
        }
        staged[tag] = outcome.remaining
        for (start, reason) in outcome.quarantined {
            logger.error(
                "quarantined a corrupt chunk while merging late samples",
                metadata: ["tag": "\(name)", "start": "\(start)", "error": "\(reason)"])
        }
    }

    /// Folds every tag's staged samples, closed groups or not: for tests, benchmarks and maintenance.
    /// Reads never need it (they merge staging and chunks).
    public func foldAll() async throws(HistorianError) {
        try checkOpen()
        await writeGate.enter()
        defer { writeGate.leave() }
        try await loadStaged()
        for tag in staged.keys.sorted() { try await fold(tag: tag, force: true) }
    }

    static func fold(
        tag: Int32, kind: ValueKind, grouping: ChunkGrouping, force: Bool, connection: PostgresConnection, logger: Logger
    ) async throws -> FoldOutcome {
        try await connection.query("SELECT pg_advisory_xact_lock(\(foldLockClass), \(tag))", logger: logger)
        var lastEnd: Int64?
        for try await value in try await connection.query(
            "SELECT max(end_time) FROM historian_chunk WHERE tag = \(tag)", logger: logger
        ).decode(Int64?.self) {
            lastEnd = value
        }
        // Rows come back aggregated into arrays: one cell instead of thousands of rows, each of which costs the
        // client a trip through the row stream.
        var newTimes: [Int64] = []
        for try await times in try await connection.query(
            "SELECT array_agg(t ORDER BY t) FROM historian_staging WHERE tag = \(tag) AND t > \(lastEnd ?? .min)", logger: logger
        ).decode([Int64]?.self) {
            newTimes = times ?? []
        }
        // Everything before the open group's first time is taken; the open group stays staged.
        let openStart = force ? newTimes.count : grouping.groups(newTimes).openStart
        var remaining = Staged()
        let takeThrough: Int64
        if openStart < newTimes.count {
            takeThrough = newTimes[openStart] - 1
            remaining = Staged(count: newTimes.count - openStart, first: newTimes[openStart], last: newTimes[newTimes.count - 1])
        } else {
            takeThrough = .max
        }
        let taken = try await SampleColumns.fetch(
            """
            WITH taken AS (
                DELETE FROM historian_staging WHERE tag = \(tag) AND t <= \(takeThrough) RETURNING t, bits, text, quality
            )
            \(unescaped: SampleColumns.aggregateSelect) FROM taken
            """, connection: connection, logger: logger
        ).map { $0.sample(kind: kind) }
        var outcome = FoldOutcome(remaining: remaining, chunksWritten: 0, quarantined: [])
        let late = lastEnd.map { end in taken.prefix { $0.time.microseconds <= end } } ?? []
        let fresh = taken[late.count...]

        // New samples: closed groups become chunks, and so does anything a concurrent writer added below the cut.
        let freshTimes = fresh.map(\.time.microseconds)
        let (closed, openAt) = grouping.groups(freshTimes)
        var ranges = closed
        if openAt < freshTimes.count { ranges.append(openAt..<freshTimes.count) }
        for range in ranges {
            let base = fresh.startIndex
            try await insertChunk(Array(fresh[(base + range.lowerBound)..<(base + range.upperBound)]), tag: tag, kind: kind, connection: connection, logger: logger)
            outcome.chunksWritten += 1
        }
        if !late.isEmpty {
            try await mergeLate(Array(late), tag: tag, kind: kind, connection: connection, logger: logger, outcome: &outcome)
        }
        return outcome
    }

    /// Merges late samples into the chunks they belong in: the last chunk starting at or before each sample,
    /// or the first chunk for a sample older than all of them. Chunks stay non-overlapping.
    static func mergeLate(
        _ late: [Sample], tag: Int32, kind: ValueKind, connection: PostgresConnection, logger: Logger, outcome: inout FoldOutcome
    ) async throws {
        guard let minimum = late.first?.time.microseconds, let maximum = late.last?.time.microseconds else { return }
        // The candidates: chunks overlapping [minimum, maximum], the last one starting at or before `minimum`
        // (which holds a sample in the gap after it) and the first one (which takes samples before every chunk).
        var starts: [Int64] = []
        for try await start in try await connection.query(
            """
            SELECT start_time FROM historian_chunk WHERE tag = \(tag) AND (
                (start_time <= \(maximum) AND end_time >= \(minimum))
                OR start_time = (SELECT max(start_time) FROM historian_chunk WHERE tag = \(tag) AND start_time <= \(minimum))
                OR start_time = (SELECT min(start_time) FROM historian_chunk WHERE tag = \(tag)))
            ORDER BY start_time
            """, logger: logger
        ).decode(Int64.self) {
            starts.append(start)
        }
        guard !starts.isEmpty else {
            try await insertChunk(late, tag: tag, kind: kind, connection: connection, logger: logger)
            outcome.chunksWritten += 1
            return
        }
        var groups: [Int64: [Sample]] = [:]
        for sample in late {
            let time = sample.time.microseconds
            let target = starts.last { $0 <= time } ?? starts[0]
            groups[target, default: []].append(sample)
        }
        for (start, samples) in groups.sorted(by: { $0.key < $1.key }) {
            var stored: [ByteBuffer] = []
            for try await data in try await connection.query(
                "DELETE FROM historian_chunk WHERE tag = \(tag) AND start_time = \(start) RETURNING data", logger: logger
            ).decode(ByteBuffer.self) {
                stored.append(data)
            }
            var existing: [Sample] = []
            for data in stored {
                do {
                    existing = try Chunk.decode(Array(data.readableBytesView))
                } catch {
                    try await connection.query(
                        """
                        INSERT INTO historian_quarantine (tag, start_time, reason, data)
                        VALUES (\(tag), \(start), \(String(describing: error)), \(data))
                        """, logger: logger)
                    outcome.quarantined.append((start, "\(error)"))
                }
            }
            let merged = DuplicatePolicy.lastWriteWins.merge(sorted: existing, incoming: samples)
            try await insertChunk(merged, tag: tag, kind: kind, connection: connection, logger: logger)
            outcome.chunksWritten += 1
        }
    }

    /// Encodes sorted samples (one per time) as one chunk and stores it.
    static func insertChunk(_ samples: [Sample], tag: Int32, kind: ValueKind, connection: PostgresConnection, logger: Logger) async throws {
        var encoder = ChunkEncoder(kind: kind)
        for sample in samples { try encoder.append(sample) }
        guard let first = encoder.firstTime, let last = encoder.lastTime else { return }
        let bytes = encoder.finish()
        let row = ChunkRow(bytes: bytes, start: first.microseconds, end: last.microseconds, count: encoder.count)
        try await connection.query(
            """
            INSERT INTO historian_chunk (tag, start_time, end_time, sample_count, format_version, value_encoding, checksum, data)
            VALUES (\(tag), \(row.start), \(row.end), \(Int32(row.count)), \(row.formatVersion), \(row.valueEncoding),
                    \(row.checksum), \(ByteBuffer(bytes: bytes)))
            ON CONFLICT (tag, start_time) DO UPDATE SET end_time = excluded.end_time, sample_count = excluded.sample_count,
                format_version = excluded.format_version, value_encoding = excluded.value_encoding,
                checksum = excluded.checksum, data = excluded.data
            """, logger: logger)
    }
}

/// The columns of `historian_chunk` that repeat a chunk's header, so SQL can index and check chunks without
/// decoding them (docs/format/postgres-v1.md).
struct ChunkRow: Sendable {
    var start: Int64
    var end: Int64
    var count: Int
    /// Header byte 4.
    var formatVersion: Int16
    /// Header byte 6: the value encoding (chunk-v1.md §Values).
    var valueEncoding: Int16
    /// The chunk's CRC-32C (its last four bytes, big endian), as an unsigned 32-bit value.
    var checksum: Int64

    init(bytes: [UInt8], start: Int64, end: Int64, count: Int) {
        self.start = start
        self.end = end
        self.count = count
        formatVersion = bytes.count > 4 ? Int16(bytes[4]) : 0
        valueEncoding = bytes.count > 6 ? Int16(bytes[6]) : 0
        checksum = bytes.suffix(4).reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }
}
