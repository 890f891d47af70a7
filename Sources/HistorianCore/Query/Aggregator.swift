import MillraceCore

/// Aggregates samples into equal intervals, streaming: feed samples in time order with `add(_:)`, then
/// read `windows()` or `buckets(_:)`.
///
/// Samples before `start` only set the value in effect at the start (the last one wins); the first sample
/// at or after `end` is kept as the `next` neighbour for linear time-weighting of the last interval; later
/// ones are ignored. So the storage engine can feed whole chunks that overlap the range.
///
/// Each interval is a `SummaryWindow` whose `previous` is the last sample before it (possibly several
/// intervals back) and whose `next` is the first sample after it: an interval without samples still gets
/// a time-weighted average from the value in effect, as in PI.
///
/// Memory is one `Summary` per interval; the number of intervals is limited to
/// `HistorianQueryError.maximumPoints`.
public struct Aggregator: Sendable {
    public let start: Timestamp
    public let end: Timestamp
    public let options: AggregationOptions
    let grid: TimeGrid
    private var summaries: [Summary]
    private var before: SignalPoint?
    private var after: SignalPoint?
    /// Samples that arrived earlier than the one before them; they were ignored.
    public private(set) var outOfOrderCount = 0
    private var lastTime: Timestamp?

    /// An aggregator over [start, end) in steps of `interval` (the last interval is cut at `end`).
    /// `previous` is the last sample before `start`, if the caller already has it.
    public init(
        start: Timestamp, end: Timestamp, interval: Duration, options: AggregationOptions = AggregationOptions(),
        previous: Sample? = nil
    ) throws(HistorianQueryError) {
        grid = try TimeGrid(start: start, end: end, interval: interval)
        self.start = start
        self.end = end
        self.options = options
        summaries = Array(repeating: .empty, count: grid.count)
        before = previous.map { SignalPoint($0, filter: options.filter) }
    }

    /// The number of intervals.
    public var intervalCount: Int { grid.count }

    /// Adds the next sample in time order. A sample earlier than the previous one is ignored and counted
    /// in `outOfOrderCount`; equal times are kept (the later one is in effect from then on).
    public mutating func add(_ sample: Sample) {
        if let lastTime, sample.time < lastTime {
            outOfOrderCount += 1
            return
        }
        lastTime = sample.time
        let time = sample.time.microseconds
        if let index = grid.index(of: time) {
            summaries[index].add(sample, filter: options.filter)
        } else if time < grid.start {
            before = SignalPoint(sample, filter: options.filter)
        } else if after == nil {
            after = SignalPoint(sample, filter: options.filter)
        }
    }

    /// Adds samples in time order.
    @inlinable
    public mutating func add(contentsOf samples: some Sequence<Sample>) {
        for sample in samples { add(sample) }
    }

    /// Adds the summary of the samples in `[from, to)`, a range inside one interval of this aggregator, in
    /// time order with the samples and summaries added before and after it. The summary must have been built
    /// under `options.filter`. Adding a rollup this way gives the buckets that adding its samples would,
    /// up to floating-point rounding of the sums (docs/historian-queries.md, "Rollups").
    public mutating func add(_ summary: Summary, from: Timestamp, to: Timestamp) throws(HistorianQueryError) {
        guard summary.count > 0, let first = summary.first, let last = summary.last else { return }
        guard let index = grid.index(of: from.microseconds), to.microseconds <= grid.bounds(index).end.microseconds,
            first.time >= from, last.time < to
        else {
            throw HistorianQueryError(
                .invalidParameter, "a summary of [\(from), \(to)) does not fit in one interval of the aggregator")
        }
        if let lastTime, first.time < lastTime {
            outOfOrderCount += summary.count
            return
        }
        lastTime = last.time
        summaries[index].formMerge(summary)
    }

    /// One window per interval, each with its neighbours for time-weighting.
    public func windows() -> [SummaryWindow] {
        var windows: [SummaryWindow] = []
        windows.reserveCapacity(summaries.count)
        var previous = before
        for (index, summary) in summaries.enumerated() {
            let (lower, upper) = grid.bounds(index)
            windows.append(SummaryWindow(start: lower, end: upper, summary: summary, previous: previous, next: nil))
            if let last = summary.last { previous = last }
        }
        var next = after
        for index in windows.indices.reversed() {
            windows[index].next = next
            if let first = windows[index].summary.first { next = first }
        }
        return windows
    }

    /// One bucket per interval for `kind`.
    public func buckets(_ kind: AggregateKind) throws(HistorianQueryError) -> [AggregateBucket] {
        try Self.validate(kind)
        return windows().map { $0.bucket(kind, options: options) }
    }

    /// The summary of the whole range (the merge of every interval's summary).
    public var total: Summary {
        summaries.reduce(Summary.empty) { $0.merge($1) }
    }

    static func validate(_ kind: AggregateKind) throws(HistorianQueryError) {
        if case .integral(let per) = kind, per.microseconds <= 0 {
            throw HistorianQueryError(.nonPositiveInterval, "an integral unit must be a positive duration, not \(per)")
        }
    }

    /// Aggregates `samples` (in time order) over [start, end) in steps of `interval`.
    public static func aggregate(
        _ samples: some Sequence<Sample>, kind: AggregateKind, start: Timestamp, end: Timestamp, interval: Duration,
        options: AggregationOptions = AggregationOptions(), previous: Sample? = nil
    ) throws(HistorianQueryError) -> [AggregateBucket] {
        try validate(kind)
        var aggregator = try Aggregator(
            start: start, end: end, interval: interval, options: options, previous: previous)
        aggregator.add(contentsOf: samples)
        return try aggregator.buckets(kind)
    }
}
