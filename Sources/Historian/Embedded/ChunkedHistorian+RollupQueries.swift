import Foundation
import GRDB
import HistorianCore
import MillraceCore

extension ChunkedHistorian {
    /// Aggregates answered from rollups where whole rollup buckets fit in the requested intervals (days, then
    /// hours, then minutes), and from raw samples for the parts not aligned to a minute. Equal to
    /// `rawAggregate` up to floating-point rounding of sums (docs/historian-queries.md, "Rollups").
    /// Intervals under a minute, or ranges that would mostly be read raw anyway, take the raw path.
    public func aggregate(
        _ tag: TagID, from: Timestamp, to: Timestamp, interval: Duration, kind: AggregateKind,
        options: AggregationOptions
    ) async throws(HistorianError) -> [AggregateBucket] {
        try checkOpen()
        guard let state = tags[tag] else { throw HistorianError(.unknownTag, "tag '\(tag)' is not registered") }
        let step = interval.microseconds
        guard step >= RollupResolution.minute.microseconds, from < to else {
            return try await rawAggregate(tag, from: from, to: to, interval: interval, kind: kind, options: options)
        }
        let previous = try await sample(of: tag, before: from)
        var aggregator: Aggregator
        do {
            aggregator = try Aggregator(start: from, end: to, interval: interval, options: options, previous: previous)
        } catch {
            throw HistorianError(.invalidRange, error.description)
        }
        var pieces: [RollupPiece] = []
        var lower = from.microseconds
        while lower < to.microseconds {
            let upper = lower + min(step, to.microseconds - lower)
            RollupCover.append(from: lower, to: upper, into: &pieces)
            lower = upper
        }
        guard RollupCover.rawMicroseconds(pieces) <= (to.microseconds - from.microseconds) / 2,
            Self.rawPieceCount(pieces) <= Self.maximumRawPieces
        else {
            return try await rawAggregate(tag, from: from, to: to, interval: interval, kind: kind, options: options)
        }
        try flushRollups(only: tag)
        let rollups = try fetchRollups(tagID: state.id, tag: tag, pieces: pieces)
        var failure: HistorianQueryError?
        for piece in pieces {
            switch piece {
            case .raw(let a, let b):
                try scan(tag, from: Timestamp(microseconds: a), to: Timestamp(microseconds: b)) { sample in
                    aggregator.add(sample)
                    return true
                }
            case .rollup(let resolution, let start):
                let range = (Timestamp(microseconds: start), Timestamp(microseconds: start + resolution.microseconds))
                switch rollups[RollupKey(resolution: resolution, start: start)] {
                case .none:
                    break  // no samples in this bucket
                case .unreadable:
                    try scan(tag, from: range.0, to: range.1) { sample in
                        aggregator.add(sample)
                        return true
                    }
                case .summary(let rollup):
                    do {
                        try aggregator.add(rollup.summary(for: options.filter), from: range.0, to: range.1)
                    } catch {
                        failure = error
                    }
                }
            }
        }
        if let failure { throw HistorianError(.storage, "rollups do not line up with the query: \(failure)") }
        if let next = try await sample(of: tag, atOrAfter: to) { aggregator.add(next) }
        do {
            return try aggregator.buckets(kind)
        } catch {
            throw HistorianError(.invalidRange, error.description)
        }
    }

    /// The shortest pixel column that `plot` draws from rollups.
    static var rollupPlotMinimumPixel: Int64 { 10 * RollupResolution.minute.microseconds }

    /// Min/max plots over long ranges drawn from rollups: every pixel column of at least 10 minutes takes its
    /// whole rollup buckets' first, minimum, maximum and last plotted samples (and gap samples) and reads raw
    /// samples only where it is not aligned to a minute, giving exactly the points of `rawPlot`.
    public func plot(
        _ tag: TagID, from: Timestamp, to: Timestamp, pixels: Int, method: PlotMethod
    ) async throws(HistorianError) -> [PlotPoint] {
        try checkOpen()
        guard let state = tags[tag] else { throw HistorianError(.unknownTag, "tag '\(tag)' is not registered") }
        var accumulator: M4Accumulator
        do {
            accumulator = try M4Accumulator(start: from, end: to, pixels: pixels)
        } catch {
            throw HistorianError(.invalidRange, error.description)
        }
        let span = to.microseconds - from.microseconds
        // The same pixel width as `M4Accumulator`: the span divided by the pixels, rounded up.
        let width = max(1, span / Int64(pixels) + (span % Int64(pixels) == 0 ? 0 : 1))
        guard method == .minMax, width >= Self.rollupPlotMinimumPixel else {
            return try await rawPlot(tag, from: from, to: to, pixels: pixels, method: method)
        }
        var pieces: [RollupPiece] = []
        var lower = from.microseconds
        while lower < to.microseconds {
            let upper = lower + min(width, to.microseconds - lower)
            RollupCover.append(from: lower, to: upper, into: &pieces)
            lower = upper
        }
        guard RollupCover.rawMicroseconds(pieces) <= span / 2, Self.rawPieceCount(pieces) <= Self.maximumRawPieces else {
            return try await rawPlot(tag, from: from, to: to, pixels: pixels, method: method)
        }
        try flushRollups(only: tag)
        let rollups = try fetchRollups(tagID: state.id, tag: tag, pieces: pieces)
        for piece in pieces {
            switch piece {
            case .raw(let a, let b):
                try scan(tag, from: Timestamp(microseconds: a), to: Timestamp(microseconds: b)) { sample in
                    accumulator.add(sample)
                    return true
                }
            case .rollup(let resolution, let start):
                switch rollups[RollupKey(resolution: resolution, start: start)] {
                case .none:
                    break
                case .unreadable:
                    try scan(
                        tag, from: Timestamp(microseconds: start), to: Timestamp(microseconds: start + resolution.microseconds)
                    ) { sample in
                        accumulator.add(sample)
                        return true
                    }
                case .summary(let rollup):
                    accumulator.add(rollup.plot)
                }
            }
        }
        return accumulator.finish()
    }

    /// Each raw piece costs a chunk lookup and decode: past this many (columns or intervals not aligned to
    /// minutes), one raw scan is faster than rollups with raw edges.
    static var maximumRawPieces: Int { 8 }

    static func rawPieceCount(_ pieces: [RollupPiece]) -> Int {
        pieces.reduce(0) { count, piece in
            if case .raw = piece { return count + 1 }
            return count
        }
    }

    struct RollupKey: Hashable {
        var resolution: RollupResolution
        var start: Int64
    }

    enum StoredRollup {
        case summary(RollupSummary)
        case unreadable
    }

    /// The stored rollups the pieces name (absent buckets hold no samples). Adjacent buckets are read with one
    /// range query; runs separated by a few unneeded buckets are joined to save queries.
    func fetchRollups(tagID: Int64, tag: TagID, pieces: [RollupPiece]) throws(HistorianError) -> [RollupKey: StoredRollup] {
        var wanted: [RollupResolution: [Int64]] = [:]
        for piece in pieces {
            if case .rollup(let resolution, let start) = piece { wanted[resolution, default: []].append(start) }
        }
        var result: [RollupKey: StoredRollup] = [:]
        var unreadable: [RollupKey] = []
        do {
            try pool.read { db in
                for (resolution, starts) in wanted {
                    let needed = Set(starts)
                    let statement = try db.cachedStatement(
                        sql: "SELECT start, data FROM rollup WHERE tag = ? AND resolution = ? AND start >= ? AND start < ? ORDER BY start")
                    for run in Self.contiguousRuns(starts.sorted(), width: resolution.microseconds, allowedGap: 8) {
                        let rows = try Row.fetchCursor(statement, arguments: [tagID, resolution.rawValue, run.from, run.to])
                        while let row = try rows.next() {
                            let start: Int64 = row[0]
                            guard needed.contains(start) else { continue }
                            let key = RollupKey(resolution: resolution, start: start)
                            let bytes = row.dataNoCopy(atIndex: 1) ?? Data()
                            do {
                                result[key] = .summary(try RollupCodec.decode(bytes, bucketStart: start))
                            } catch {
                                result[key] = .unreadable
                                unreadable.append(key)
                            }
                        }
                    }
                }
            }
        } catch {
            throw HistorianError(.storage, "cannot read the rollups of '\(tag)': \(error)")
        }
        for key in unreadable {
            logger.error(
                "an unreadable rollup was answered from raw samples",
                metadata: ["tag": "\(tag)", "resolution": "\(key.resolution.name)", "start": "\(key.start)"])
        }
        return result
    }
}
