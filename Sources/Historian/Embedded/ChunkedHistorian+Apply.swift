import Foundation
import GRDB
import HistorianCore
import MillraceCore

extension ChunkedHistorian {
    /// Applies WAL entries (new appends, or a replay at open) to heads and chunks.
    func apply(_ entries: [WALSample]) throws(HistorianError) {
        var late: [Int64: [Sample]] = [:]
        for entry in entries {
            guard let tag = names[entry.tagID], var state = tags[tag] else { continue }
            let sample = entry.sample
            noteRollup(&state, sample)
            if state.current == nil || sample.time >= state.current!.time {
                state.current = sample
                state.currentDirty = true
            }
            if let first = state.head.firstTime, let last = state.head.lastTime {
                if sample.time > last {
                    appendToHead(&state, sample)
                } else if sample.time >= first || state.lastSealedEnd == nil {
                    rebuildHead(&state, with: sample)
                } else {
                    late[state.id, default: []].append(sample)
                }
            } else if state.lastSealedEnd.map({ sample.time > $0 }) ?? true {
                appendToHead(&state, sample)
            } else {
                late[state.id, default: []].append(sample)
            }
            tags[tag] = state
        }
        guard !pendingSealed.isEmpty || !late.isEmpty else { return }
        let sealed = pendingSealed
        pendingSealed = []
        do {
            try pool.write { db in
                for chunk in sealed {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO chunk (tag, start, end, count, sealed, data) VALUES (?, ?, ?, ?, 1, ?)",
                        arguments: [chunk.tag, chunk.start.microseconds, chunk.end.microseconds, chunk.count, Data(chunk.bytes)])
                }
                for (tagID, samples) in late {
                    try Self.mergeLate(samples, tagID: tagID, kind: kind(of: tagID), db: db)
                }
            }
        } catch {
            throw HistorianError(.storage, "cannot write chunks: \(error)")
        }
        for tagID in late.keys {
            if let tag = names[tagID] { tags[tag]?.lastSealedEnd = try lastSealedEnd(of: tagID) }
        }
    }

    func kind(of tagID: Int64) -> ValueKind {
        names[tagID].flatMap { tags[$0]?.metadata.kind } ?? .double
    }

    func appendToHead(_ state: inout TagState, _ sample: Sample) {
        if let first = state.head.firstTime,
            state.head.count >= options.chunkCapacity || sample.time - first >= options.chunkSpan
        {
            seal(&state)
        }
        do {
            try state.head.append(sample)
        } catch {
            // Only a full chunk can refuse here (kind and order were checked): seal and start again.
            seal(&state)
            try? state.head.append(sample)
        }
        state.headDirty = true
    }

    func seal(_ state: inout TagState) {
        guard let first = state.head.firstTime, let last = state.head.lastTime else { return }
        pendingSealed.append(SealedChunk(tag: state.id, bytes: state.head.finish(), start: first, end: last, count: state.head.count))
        state.lastSealedEnd = last
        state.head = ChunkEncoder(kind: state.metadata.kind)
        state.headDirty = true
    }

    /// Inserts a sample inside the head's time range: decode, merge (last write wins), encode again.
    func rebuildHead(_ state: inout TagState, with sample: Sample) {
        let existing = (try? Chunk.decode(state.head.finish())) ?? []
        let merged = Self.merge(existing, [sample])
        var head = ChunkEncoder(kind: state.metadata.kind)
        for item in merged { try? head.append(item) }
        state.head = head
        state.headDirty = true
    }

    /// Merges sorted `incoming` into sorted `existing`; on equal times the incoming sample wins.
    static func merge(_ existing: [Sample], _ incoming: [Sample]) -> [Sample] {
        let incoming = incoming.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        var result: [Sample] = []
        result.reserveCapacity(existing.count + incoming.count)
        var i = 0, j = 0
        while i < existing.count || j < incoming.count {
            if j == incoming.count || (i < existing.count && existing[i].time < incoming[j].time) {
                result.append(existing[i])
                i += 1
            } else {
                // Skip stored samples at the same time, and earlier incoming duplicates of the same time.
                while i < existing.count && existing[i].time == incoming[j].time { i += 1 }
                if let last = result.last, last.time == incoming[j].time { result.removeLast() }
                result.append(incoming[j])
                j += 1
            }
        }
        return result
    }

    /// Merges late samples into the sealed chunks they belong in (the last chunk starting at or before each
    /// sample, or the first chunk), keeping chunks non-overlapping.
    static func mergeLate(_ samples: [Sample], tagID: Int64, kind: ValueKind, db: Database) throws {
        var groups: [Int64: (start: Int64, data: Data?, samples: [Sample])] = [:]
        for sample in samples {
            let row =
                try Row.fetchOne(
                    db, sql: "SELECT start FROM chunk WHERE tag = ? AND sealed = 1 AND start <= ? ORDER BY start DESC LIMIT 1",
                    arguments: [tagID, sample.time.microseconds])
                ?? Row.fetchOne(db, sql: "SELECT start FROM chunk WHERE tag = ? AND sealed = 1 ORDER BY start LIMIT 1", arguments: [tagID])
            let start: Int64 = row?["start"] ?? sample.time.microseconds
            groups[start, default: (start, nil, [])].samples.append(sample)
        }
        for (start, group) in groups {
            var existing: [Sample] = []
            if let data = try Data.fetchOne(db, sql: "SELECT data FROM chunk WHERE tag = ? AND start = ?", arguments: [tagID, start]) {
                do {
                    existing = try Chunk.decode(Array(data))
                } catch {
                    try quarantine(tagID: tagID, start: start, reason: "\(error)", data: data, db: db)
                }
                try db.execute(sql: "DELETE FROM chunk WHERE tag = ? AND start = ?", arguments: [tagID, start])
            }
            let merged = merge(existing, group.samples)
            var encoder = ChunkEncoder(kind: kind)
            for sample in merged { try? encoder.append(sample) }
            guard let first = encoder.firstTime, let last = encoder.lastTime else { continue }
            try db.execute(
                sql: "INSERT OR REPLACE INTO chunk (tag, start, end, count, sealed, data) VALUES (?, ?, ?, ?, 1, ?)",
                arguments: [tagID, first.microseconds, last.microseconds, encoder.count, Data(encoder.finish())])
        }
    }

    static func quarantine(tagID: Int64, start: Int64, reason: String, data: Data, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO quarantine (tag, start, reason, data) VALUES (?, ?, ?, ?)",
            arguments: [tagID, start, reason, data])
        try db.execute(sql: "DELETE FROM chunk WHERE tag = ? AND start = ?", arguments: [tagID, start])
    }

    func lastSealedEnd(of tagID: Int64) throws(HistorianError) -> Timestamp? {
        do {
            return try pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT MAX(end) FROM chunk WHERE tag = ? AND sealed = 1", arguments: [tagID])
            }.map(Timestamp.init(microseconds:))
        } catch {
            throw HistorianError(.storage, "cannot read chunk bounds: \(error)")
        }
    }
}

/// A head chunk that filled up, on its way to SQLite.
struct SealedChunk {
    var tag: Int64
    var bytes: [UInt8]
    var start: Timestamp
    var end: Timestamp
    var count: Int
}
