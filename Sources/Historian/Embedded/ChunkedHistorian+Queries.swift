import Foundation
import GRDB
import HistorianCore
import MillraceCore

extension ChunkedHistorian {
    /// Sealed chunks read per query page.
    static var scanPageSize: Int { 64 }

    public func samples(of tag: TagID, from: Timestamp, to: Timestamp, limit: Int) async throws(HistorianError) -> [Sample] {
        try checkOpen()
        guard from <= to else { throw HistorianError(.invalidRange, "'from' is after 'to'") }
        var result: [Sample] = []
        try scan(tag, from: from, to: to) { sample in
            result.append(sample)
            return result.count < limit
        }
        return result
    }

    /// Calls `body` with each sample of `tag` in `[from, to)`, oldest first, until it returns false.
    /// A chunk that fails its checksum is quarantined and skipped, with an error in the log; the rest is read.
    func scan(_ tag: TagID, from: Timestamp, to: Timestamp, _ body: (Sample) -> Bool) throws(HistorianError) {
        guard let state = tags[tag] else { throw HistorianError(.unknownTag, "tag '\(tag)' is not registered") }
        if from >= to { return }
        // Chunks are read a page at a time, so a query over a year holds one page of compressed chunks in
        // memory, and a query that stops early (the first sample after a time) reads one page only.
        var after = Int64.min
        while true {
            let rows: [Row]
            do {
                rows = try pool.read { db in
                    try Row.fetchAll(
                        db,
                        sql: """
                            SELECT start, data FROM chunk WHERE tag = ? AND sealed = 1 AND end >= ? AND start < ? AND start > ?
                            ORDER BY start LIMIT \(Self.scanPageSize)
                            """,
                        arguments: [state.id, from.microseconds, to.microseconds, after])
                }
            } catch {
                throw HistorianError(.storage, "cannot read chunks of '\(tag)': \(error)")
            }
            for row in rows {
                after = row["start"]
                let data: Data = row["data"]
                let chunk: Chunk
                do {
                    chunk = try Chunk(Array(data))
                } catch {
                    logger.error("quarantined a corrupt chunk", metadata: ["tag": "\(tag)", "start": "\(after)", "error": "\(error)"])
                    let start = after
                    try? pool.write { db in try Self.quarantine(tagID: state.id, start: start, reason: "\(error)", data: data, db: db) }
                    continue
                }
                var decoder = chunk.makeDecoder()
                while let sample = decoder.next() {
                    if sample.time < from { continue }
                    if sample.time >= to { return }
                    if !body(sample) { return }
                }
                if let error = decoder.error {
                    logger.error("a chunk stopped decoding part way", metadata: ["tag": "\(tag)", "error": "\(error)"])
                }
            }
            if rows.count < Self.scanPageSize { break }
        }
        if let first = state.head.firstTime, first < to, let last = state.head.lastTime, last >= from {
            for sample in (try? Chunk.decode(state.head.finish())) ?? [] {
                if sample.time < from { continue }
                if sample.time >= to { return }
                if !body(sample) { return }
            }
        }
    }

    public func sample(of tag: TagID, atOrAfter time: Timestamp) async throws(HistorianError) -> Sample? {
        try checkOpen()
        var found: Sample?
        try scan(tag, from: time, to: Timestamp.latestAccepted + .microseconds(1)) { sample in
            found = sample
            return false
        }
        return found
    }

    /// The newest sample strictly before `time`, for step and time-weighted semantics at a range's start.
    public func sample(of tag: TagID, before time: Timestamp) async throws(HistorianError) -> Sample? {
        try checkOpen()
        guard let state = tags[tag] else { throw HistorianError(.unknownTag, "tag '\(tag)' is not registered") }
        if let first = state.head.firstTime, first < time {
            let head = (try? Chunk.decode(state.head.finish())) ?? []
            if let found = head.last(where: { $0.time < time }) { return found }
        }
        let data: Data?
        do {
            data = try await pool.read { db in
                try Data.fetchOne(
                    db, sql: "SELECT data FROM chunk WHERE tag = ? AND sealed = 1 AND start < ? ORDER BY start DESC LIMIT 1",
                    arguments: [state.id, time.microseconds])
            }
        } catch {
            throw HistorianError(.storage, "cannot read chunks of '\(tag)': \(error)")
        }
        guard let data, let samples = try? Chunk.decode(Array(data)) else { return nil }
        return samples.last { $0.time < time }
    }
}
