import HistorianCore
import MillraceCore

/// Aggregates, interpolation and plot downsampling for any store, built on raw range reads and the pure
/// query math of `HistorianCore` (semantics in docs/historian-queries.md). Stores with a faster path (rollups)
/// override these requirements.
extension HistorianStore {
    /// The most samples read in one page while computing a query.
    static var pageSize: Int { 100_000 }

    /// Calls `body` with every sample of `tag` in `[from, to)`, page by page.
    func forEachSample(of tag: TagID, from: Timestamp, to: Timestamp, _ body: ([Sample]) -> Void) async throws(HistorianError) {
        var cursor = from
        while cursor < to {
            let page = try await samples(of: tag, from: cursor, to: to, limit: Self.pageSize)
            body(page)
            guard page.count == Self.pageSize, let last = page.last else { return }
            cursor = Timestamp(microseconds: last.time.microseconds + 1)
        }
    }

    public func aggregate(
        _ tag: TagID, from: Timestamp, to: Timestamp, interval: Duration, kind: AggregateKind,
        options: AggregationOptions
    ) async throws(HistorianError) -> [AggregateBucket] {
        try await rawAggregate(tag, from: from, to: to, interval: interval, kind: kind, options: options)
    }

    /// `aggregate` computed from a scan of the raw samples: the reference every faster path must equal.
    public func rawAggregate(
        _ tag: TagID, from: Timestamp, to: Timestamp, interval: Duration, kind: AggregateKind,
        options: AggregationOptions
    ) async throws(HistorianError) -> [AggregateBucket] {
        let previous = try await sample(of: tag, before: from)
        var aggregator: Aggregator
        do {
            aggregator = try Aggregator(start: from, end: to, interval: interval, options: options, previous: previous)
        } catch {
            throw HistorianError(.invalidRange, error.description)
        }
        try await forEachSample(of: tag, from: from, to: to) { aggregator.add(contentsOf: $0) }
        if let next = try await sample(of: tag, atOrAfter: to) { aggregator.add(next) }
        do {
            return try aggregator.buckets(kind)
        } catch {
            throw HistorianError(.invalidRange, error.description)
        }
    }

    public func interpolate(
        _ tag: TagID, from: Timestamp, to: Timestamp, every interval: Duration, mode: InterpolationMode
    ) async throws(HistorianError) -> [InterpolatedValue] {
        guard interval > .zero else { throw HistorianError(.invalidRange, "the interval must be positive") }
        guard from <= to else { throw HistorianError(.invalidRange, "'from' is after 'to'") }
        let count = (to - from).microseconds / max(1, interval.microseconds) + 1
        guard count <= 1_000_000 else {
            throw HistorianError(.invalidRange, "\(count) interpolated values requested; at most 1000000 in one query")
        }
        // Streamed: only the neighbours of each requested time are kept, never the range's samples, so a year
        // of 1 Hz data interpolated daily reads through the samples once in constant memory.
        let interpolator = Interpolator(mode: mode)
        let step = max(1, interval.microseconds)
        var pending = from
        var previous = try await sample(of: tag, before: from)
        var values: [InterpolatedValue] = []
        values.reserveCapacity(Int(count))
        func offer(_ sample: Sample) {
            while pending <= to, sample.time > pending {
                values.append(interpolator.value(at: pending, previous: previous, next: sample))
                pending = Timestamp(microseconds: pending.microseconds + step)
            }
            previous = sample
        }
        try await forEachSample(of: tag, from: from, to: to) { $0.forEach(offer) }
        if let next = try await sample(of: tag, atOrAfter: to) { offer(next) }
        while pending <= to {
            values.append(interpolator.value(at: pending, previous: previous, next: nil))
            pending = Timestamp(microseconds: pending.microseconds + step)
        }
        return values
    }

    public func plot(
        _ tag: TagID, from: Timestamp, to: Timestamp, pixels: Int, method: PlotMethod
    ) async throws(HistorianError) -> [PlotPoint] {
        try await rawPlot(tag, from: from, to: to, pixels: pixels, method: method)
    }

    /// `plot` computed from a scan of the raw samples: the reference every faster path must equal.
    public func rawPlot(
        _ tag: TagID, from: Timestamp, to: Timestamp, pixels: Int, method: PlotMethod
    ) async throws(HistorianError) -> [PlotPoint] {
        do {
            switch method {
            case .minMax:
                var accumulator = try M4Accumulator(start: from, end: to, pixels: pixels)
                try await forEachSample(of: tag, from: from, to: to) { accumulator.add(contentsOf: $0) }
                return accumulator.finish()
            case .lttb:
                var accumulator = try LTTBAccumulator(start: from, end: to, targetCount: pixels)
                try await forEachSample(of: tag, from: from, to: to) { accumulator.add(contentsOf: $0) }
                return accumulator.finish()
            }
        } catch let error as HistorianQueryError {
            throw HistorianError(.invalidRange, error.description)
        } catch let error as HistorianError {
            throw error
        } catch {
            throw HistorianError(.storage, "\(error)")
        }
    }
}

/// How `plot` reduces a range to about one point per pixel.
public enum PlotMethod: String, Sendable, CaseIterable {
    /// First, minimum, maximum and last per pixel column (M4): every spike stays visible.
    case minMax
    /// Largest-Triangle-Three-Buckets: the most visually similar line with the given number of points.
    case lttb
}
