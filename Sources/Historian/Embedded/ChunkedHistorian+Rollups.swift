import Foundation
import GRDB
import HistorianCore
import MillraceCore

/// Rollups not yet written to SQLite for one tag.
///
/// In-order samples (later than the tag's newest) extend the `open` minute sample by sample; any other
/// sample (late, out of order, or a duplicate timestamp that replaces a value) marks its minute `dirty`, and
/// a dirty minute is recomputed from the raw samples at the next flush. A minute summary is therefore always
/// the result of adding that minute's stored samples in time order, whichever way it was made, and hours and
/// days are always the merge of the stored minutes (hours) they hold.
struct RollupState {
    struct OpenMinute {
        var start: Int64
        var summary: RollupSummary
    }

    /// The minute holding the tag's newest sample, while it is built sample by sample.
    var open: OpenMinute?
    /// Whether `open` is in SQLite as it is now.
    var openWritten = true
    /// Whole minutes built in memory and not yet written.
    var closed: [Int64: RollupSummary] = [:]
    /// Minutes to recompute from raw samples.
    var dirty: Set<Int64> = []

    var isClean: Bool { closed.isEmpty && dirty.isEmpty && openWritten }
}

extension ChunkedHistorian {
    /// Updates the rollup state for one sample being applied; `state.current` is still the newest sample
    /// before it.
    func noteRollup(_ state: inout TagState, _ sample: Sample) {
        let minute = RollupResolution.minute.bucketStart(sample.time.microseconds)
        let inOrder = state.current.map { sample.time > $0.time } ?? true
        if recovering || !inOrder {
            markDirty(&state.rollups, minute)
            return
        }
        if state.rollups.open?.start == minute {
            state.rollups.open!.summary.add(sample)
            state.rollups.openWritten = false
            return
        }
        if state.rollups.dirty.contains(minute) { return }
        if let open = state.rollups.open {
            if !state.rollups.openWritten {
                state.rollups.closed[open.start] = open.summary
                pendingRollupCount += 1
            }
            state.rollups.open = nil
        }
        if let current = state.current, RollupResolution.minute.bucketStart(current.time.microseconds) == minute {
            // The minute already holds samples that no open summary has seen (the store was reopened).
            markDirty(&state.rollups, minute)
            return
        }
        var summary = RollupSummary()
        summary.add(sample)
        state.rollups.open = RollupState.OpenMinute(start: minute, summary: summary)
        state.rollups.openWritten = false
    }

    private func markDirty(_ rollups: inout RollupState, _ minute: Int64) {
        if rollups.dirty.insert(minute).inserted { pendingRollupCount += 1 }
        if rollups.open?.start == minute {
            rollups.open = nil
            rollups.openWritten = true
        }
        rollups.closed[minute] = nil
    }

    /// Writes pending rollups (of one tag, or of all) to SQLite: recomputes dirty minutes from raw samples,
    /// writes minutes, then recomputes the hours and days that hold them from the stored finer buckets.
    func flushRollups(only tag: TagID? = nil) throws(HistorianError) {
        let targets = tag.map { [$0] } ?? Array(tags.keys)
        var writes: [(tagID: Int64, minutes: [Int64: RollupSummary])] = []
        for tag in targets {
            guard var state = tags[tag], !state.rollups.isClean else { continue }
            var minutes = state.rollups.closed
            let dirty = state.rollups.dirty
            for run in Self.contiguousRuns(dirty.sorted(), width: RollupResolution.minute.microseconds) {
                for start in stride(from: run.from, to: run.to, by: Int(RollupResolution.minute.microseconds)) {
                    minutes[start] = RollupSummary()
                }
                var building: RollupState.OpenMinute?
                try scan(tag, from: Timestamp(microseconds: run.from), to: Timestamp(microseconds: run.to)) { sample in
                    let start = RollupResolution.minute.bucketStart(sample.time.microseconds)
                    if building?.start != start {
                        if let done = building { minutes[done.start] = done.summary }
                        building = RollupState.OpenMinute(start: start, summary: RollupSummary())
                    }
                    building!.summary.add(sample)
                    return true
                }
                if let done = building { minutes[done.start] = done.summary }
            }
            if let current = state.current {
                let start = RollupResolution.minute.bucketStart(current.time.microseconds)
                if dirty.contains(start) {
                    // The newest minute was recomputed: later in-order samples extend it again.
                    state.rollups.open = RollupState.OpenMinute(start: start, summary: minutes[start] ?? RollupSummary())
                    state.rollups.openWritten = false
                }
            }
            if let open = state.rollups.open, !state.rollups.openWritten { minutes[open.start] = open.summary }
            state.rollups.closed = [:]
            state.rollups.dirty = []
            state.rollups.openWritten = true
            tags[tag] = state
            writes.append((state.id, minutes))
        }
        if tag == nil { pendingRollupCount = 0 }
        guard !writes.isEmpty else { return }
        do {
            let unreadable = try pool.write { db in
                var unreadable: [(Int64, Int64)] = []
                for (tagID, minutes) in writes {
                    unreadable += try Self.writeRollups(tagID: tagID, minutes: minutes, db: db)
                }
                return unreadable
            }
            for (tagID, minute) in unreadable {
                logger.error("a stored minute rollup was unreadable; it is recomputed", metadata: ["tagRow": "\(tagID)", "start": "\(minute)"])
                if let tag = names[tagID] { tags[tag]?.rollups.dirty.insert(minute) }
            }
        } catch {
            throw HistorianError(.storage, "cannot write rollups: \(error)")
        }
    }

    /// Writes minute rollups of one tag and recomputes the hours and days holding them. Returns minutes whose
    /// stored bytes could not be read (left out of their hour; the caller recomputes them).
    static func writeRollups(tagID: Int64, minutes: [Int64: RollupSummary], db: Database) throws -> [(Int64, Int64)] {
        for (start, summary) in minutes {
            try store(summary, tagID: tagID, resolution: .minute, start: start, db: db)
        }
        var unreadable: [(Int64, Int64)] = []
        var coarse = Set(minutes.keys)
        for resolution in [RollupResolution.hour, .day] {
            let finer: RollupResolution = resolution == .hour ? .minute : .hour
            let starts = Set(coarse.map(resolution.bucketStart))
            for start in starts.sorted() {
                var merged = RollupSummary()
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT start, data FROM rollup WHERE tag = ? AND resolution = ? AND start >= ? AND start < ? ORDER BY start",
                    arguments: [tagID, finer.rawValue, start, start + resolution.microseconds])
                while let row = try rows.next() {
                    let bucket: Int64 = row["start"]
                    let data: Data = row["data"]
                    do {
                        merged = merged.merge(try RollupCodec.decode(data, bucketStart: bucket))
                    } catch {
                        if finer == .minute { unreadable.append((tagID, bucket)) }
                    }
                }
                try store(merged, tagID: tagID, resolution: resolution, start: start, db: db)
            }
            coarse = starts
        }
        return unreadable
    }

    static func store(_ summary: RollupSummary, tagID: Int64, resolution: RollupResolution, start: Int64, db: Database) throws {
        if summary.isEmpty {
            try db.execute(
                sql: "DELETE FROM rollup WHERE tag = ? AND resolution = ? AND start = ?",
                arguments: [tagID, resolution.rawValue, start])
        } else {
            try db.execute(
                sql: "INSERT OR REPLACE INTO rollup (tag, resolution, start, count, data) VALUES (?, ?, ?, ?, ?)",
                arguments: [tagID, resolution.rawValue, start, summary.count, Data(RollupCodec.encode(summary, bucketStart: start))])
        }
    }

    /// Sorted bucket starts grouped into runs of adjacent buckets, as [from, to) ranges.
    static func contiguousRuns(_ starts: [Int64], width: Int64, allowedGap: Int64 = 0) -> [(from: Int64, to: Int64)] {
        var runs: [(from: Int64, to: Int64)] = []
        for start in starts {
            if let last = runs.last, start <= last.to + allowedGap * width {
                runs[runs.count - 1].to = max(last.to, start + width)
            } else {
                runs.append((start, start + width))
            }
        }
        return runs
    }

    /// Builds the rollups of tags whose chunks predate the rollup table (listed in `rollup_rebuild`), a week
    /// of samples at a time.
    func rebuildRollupsIfNeeded() throws(HistorianError) {
        let pending: [Int64]
        do {
            pending = try pool.read { db in try Int64.fetchAll(db, sql: "SELECT tag FROM rollup_rebuild") }
        } catch {
            throw HistorianError(.storage, "cannot read the rollup rebuild list: \(error)")
        }
        for tagID in pending {
            if let tag = names[tagID] { try rebuildRollups(of: tag) }
            do {
                try pool.write { db in try db.execute(sql: "DELETE FROM rollup_rebuild WHERE tag = ?", arguments: [tagID]) }
            } catch {
                throw HistorianError(.storage, "cannot update the rollup rebuild list: \(error)")
            }
        }
    }

    /// Recomputes every rollup of `tag` from its raw samples.
    func rebuildRollups(of tag: TagID) throws(HistorianError) {
        guard let state = tags[tag] else { throw HistorianError(.unknownTag, "tag '\(tag)' is not registered") }
        let bounds: Row?
        do {
            bounds = try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT MIN(start) AS first, MAX(end) AS last FROM chunk WHERE tag = ?", arguments: [state.id])
            }
            try pool.write { db in try db.execute(sql: "DELETE FROM rollup WHERE tag = ?", arguments: [state.id]) }
        } catch {
            throw HistorianError(.storage, "cannot rebuild the rollups of '\(tag)': \(error)")
        }
        var first: Int64 = bounds?["first"] ?? Int64.max
        var last: Int64 = bounds?["last"] ?? Int64.min
        if let head = state.head.firstTime { first = min(first, head.microseconds) }
        if let head = state.head.lastTime { last = max(last, head.microseconds) }
        guard first <= last else { return }
        let week = RollupResolution.day.microseconds * 7
        var from = RollupResolution.day.bucketStart(first)
        while from <= last {
            var minutes: [Int64: RollupSummary] = [:]
            var building: RollupState.OpenMinute?
            try scan(tag, from: Timestamp(microseconds: from), to: Timestamp(microseconds: from + week)) { sample in
                let start = RollupResolution.minute.bucketStart(sample.time.microseconds)
                if building?.start != start {
                    if let done = building { minutes[done.start] = done.summary }
                    building = RollupState.OpenMinute(start: start, summary: RollupSummary())
                }
                building!.summary.add(sample)
                return true
            }
            if let done = building { minutes[done.start] = done.summary }
            do {
                _ = try pool.write { db in try Self.writeRollups(tagID: state.id, minutes: minutes, db: db) }
            } catch {
                throw HistorianError(.storage, "cannot write the rollups of '\(tag)': \(error)")
            }
            from += week
        }
        tags[tag]?.rollups = RollupState()
    }
}
