import Foundation
import GRDB
import HistorianCore
import MillraceCore

extension ChunkedHistorian {
    /// Loads tags, heads and current values from SQLite, replays the WAL on top, then checkpoints.
    /// A torn WAL tail (a batch cut short by a crash, never acknowledged) is dropped; a corrupt tail is saved
    /// next to the WAL for inspection before it is dropped, so no bytes vanish silently.
    func recover() throws(HistorianError) {
        let decoder = JSONDecoder()
        do {
            try pool.read { db in
                for row in try Row.fetchAll(db, sql: "SELECT id, name, kind, metadata FROM tag") {
                    let id: Int64 = row["id"]
                    let json: String = row["metadata"]
                    guard let metadata = try? decoder.decode(TagMetadata.self, from: Data(json.utf8)) else {
                        logger.error("skipping a tag whose metadata cannot be read", metadata: ["tagRow": "\(id)"])
                        continue
                    }
                    tags[metadata.id] = TagState(id: id, metadata: metadata, head: ChunkEncoder(kind: metadata.kind))
                    names[id] = metadata.id
                }
                for row in try Row.fetchAll(db, sql: "SELECT tag, MAX(end) AS last FROM chunk WHERE sealed = 1 GROUP BY tag") {
                    if let tag = names[row["tag"]] { tags[tag]?.lastSealedEnd = Timestamp(microseconds: row["last"]) }
                }
                for row in try Row.fetchAll(db, sql: "SELECT tag, t, bits, text, quality FROM current_value") {
                    guard let tag = names[row["tag"]], let kind = tags[tag]?.metadata.kind else { continue }
                    tags[tag]?.current = Self.decodeCurrent(row, kind: kind)
                }
            }
            let heads = try pool.read { db in try Row.fetchAll(db, sql: "SELECT tag, start, data FROM chunk WHERE sealed = 0") }
            for row in heads {
                let tagID: Int64 = row["tag"]
                let data: Data = row["data"]
                guard let tag = names[tagID], var state = tags[tag] else { continue }
                do {
                    for sample in try Chunk.decode(Array(data)) { try? state.head.append(sample) }
                    tags[tag] = state
                } catch {
                    logger.error("quarantined a corrupt head chunk", metadata: ["tag": "\(tag)", "error": "\(error)"])
                    let start: Int64 = row["start"]
                    try pool.write { db in try Self.quarantine(tagID: tagID, start: start, reason: "\(error)", data: data, db: db) }
                }
            }
        } catch let error as HistorianError {
            throw error
        } catch {
            throw HistorianError(.storage, "cannot load the historian: \(error)")
        }
        recovering = true
        try replayWAL()
        recovering = false
        try rebuildRollupsIfNeeded()
        try checkpoint()
        logger.info(
            "historian opened",
            metadata: ["directory": "\(directory)", "tags": "\(tags.count)", "sync": "\(options.sync.rawValue)"])
    }

    func replayWAL() throws(HistorianError) {
        let bytes = try wal.readAll()
        if bytes.isEmpty {
            try wal.reset()
            return
        }
        let result: WALFormat.ReadResult
        do {
            result = try WALFormat.read(bytes)
        } catch {
            let kept = saveAside(bytes[...], suffix: "corrupt")
            logger.error(
                "the write-ahead log is unreadable; kept it aside and started a new one",
                metadata: ["error": "\(error)", "keptAt": "\(kept)"])
            try wal.reset()
            return
        }
        var replayed = 0
        for batch in result.batches {
            try apply(batch)
            replayed += batch.count
        }
        if let problem = result.tailProblem {
            let tail = bytes[result.validLength...]
            let kept = problem.code == .tornRecord ? "" : saveAside(tail, suffix: "tail")
            logger.warning(
                "dropped the unreadable end of the write-ahead log (a batch cut short by a crash is never acknowledged)",
                metadata: [
                    "problem": "\(problem)", "bytes": "\(tail.count)", "keptAt": "\(kept)",
                ])
            try wal.truncate(to: result.validLength)
        }
        if replayed > 0 {
            logger.info("replayed the write-ahead log", metadata: ["samples": "\(replayed)", "batches": "\(result.batches.count)"])
        }
    }

    /// Writes bytes next to the WAL under an unused name; returns the path, or "" if that failed too.
    func saveAside(_ bytes: ArraySlice<UInt8>, suffix: String) -> String {
        for index in 1..<10_000 {
            let path = "\(directory)/historian.wal.\(suffix)-\(index)"
            if FileManager.default.fileExists(atPath: path) { continue }
            return FileManager.default.createFile(atPath: path, contents: Data(bytes)) ? path : ""
        }
        return ""
    }

    /// Writes open heads and current values to SQLite, then empties the WAL.
    func checkpoint() throws(HistorianError) {
        // Rollups first: the WAL (which could rebuild them) is emptied only after they are in SQLite.
        try flushRollups()
        let dirty = tags.values.filter(\.headDirty)
        // Only current values that changed since the last checkpoint are written.
        let currents = tags.values.filter(\.currentDirty).compactMap { state in state.current.map { (state.id, $0) } }
        do {
            try pool.write { db in
                for state in dirty {
                    try db.execute(sql: "DELETE FROM chunk WHERE tag = ? AND sealed = 0", arguments: [state.id])
                    guard let first = state.head.firstTime, let last = state.head.lastTime else { continue }
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO chunk (tag, start, end, count, sealed, data) VALUES (?, ?, ?, ?, 0, ?)",
                        arguments: [state.id, first.microseconds, last.microseconds, state.head.count, Data(state.head.finish())])
                }
                let statement = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO current_value (tag, t, bits, text, quality) VALUES (?, ?, ?, ?, ?)")
                for (id, sample) in currents {
                    let (bits, text) = Self.encodeCurrent(sample.value)
                    try statement.execute(arguments: [id, sample.time.microseconds, bits, text, Int64(sample.quality.rawValue)])
                }
            }
        } catch {
            throw HistorianError(.storage, "cannot checkpoint the historian: \(error)")
        }
        if options.sync == .normal {
            // The WAL may only be emptied once SQLite's copy is on disk.
            do { _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.passive) } } catch {}
        }
        try wal.reset()
        for state in dirty { tags[state.metadata.id]?.headDirty = false }
        for (id, _) in currents { if let tag = names[id] { tags[tag]?.currentDirty = false } }
    }

    /// A current value as columns: doubles as their IEEE 754 bits (SQLite would turn NaN into NULL), integers
    /// and booleans as integers, strings as text.
    static func encodeCurrent(_ value: DataValue) -> (Int64?, String?) {
        switch value {
        case .double(let v): (Int64(bitPattern: v.bitPattern), nil)
        case .integer(let v): (v, nil)
        case .bool(let v): (v ? 1 : 0, nil)
        case .string(let v): (nil, v)
        }
    }

    static func decodeCurrent(_ row: Row, kind: ValueKind) -> Sample {
        let time = Timestamp(microseconds: row["t"])
        let bits: Int64? = row["bits"]
        // An unknown quality code (corruption, or a newer writer) must not pass for good.
        let quality = Quality(rawValue: UInt16(truncatingIfNeeded: row["quality"] as Int64)) ?? .bad
        let value: DataValue =
            switch kind {
            case .double: .double(Double(bitPattern: UInt64(bitPattern: bits ?? 0)))
            case .integer: .integer(bits ?? 0)
            case .bool: .bool((bits ?? 0) != 0)
            case .string: .string(row["text"] ?? "")
            }
        return Sample(time: time, value: value, quality: quality)
    }
}
