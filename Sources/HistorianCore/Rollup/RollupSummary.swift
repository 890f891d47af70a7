import MillraceCore

/// Everything the historian keeps about the samples of one tag in one rollup bucket: a `Summary` per
/// quality filter (each aggregate kind and filter is then answered exactly as from the raw samples) and a
/// `PlotSummary` for M4 plots.
///
/// Built by `add(_:)`-ing the bucket's samples in time order (that is what the engine does on ingest, and
/// again from the raw samples when a late or duplicate sample changes a bucket); coarser buckets are the
/// `merge` of the finer ones they hold. Time-weighting across bucket boundaries composes because each
/// `Summary` keeps its first and last sample (see `SummaryWindow`): the value in effect at a bucket's start
/// is the previous bucket's last sample.
public struct RollupSummary: Hashable, Sendable {
    public var goodOnly: Summary
    public var includeUncertain: Summary
    public var all: Summary
    public var plot: PlotSummary

    public init() {
        goodOnly = .empty
        includeUncertain = .empty
        all = .empty
        plot = PlotSummary()
    }

    public init(goodOnly: Summary, includeUncertain: Summary, all: Summary, plot: PlotSummary) {
        self.goodOnly = goodOnly
        self.includeUncertain = includeUncertain
        self.all = all
        self.plot = plot
    }

    /// The rollup of `samples` (in time order).
    public init(_ samples: some Sequence<Sample>) {
        self.init()
        for sample in samples { add(sample) }
    }

    /// Samples in the bucket, of any quality.
    public var count: Int { all.count }

    public var isEmpty: Bool { all.count == 0 }

    /// Adds the next sample in time order.
    public mutating func add(_ sample: Sample) {
        goodOnly.add(sample, filter: .goodOnly)
        includeUncertain.add(sample, filter: .includeUncertain)
        all.add(sample, filter: .all)
        plot.add(sample)
    }

    /// This bucket followed by `later` (whose samples are all later).
    public func merge(_ later: RollupSummary) -> RollupSummary {
        RollupSummary(
            goodOnly: goodOnly.merge(later.goodOnly), includeUncertain: includeUncertain.merge(later.includeUncertain),
            all: all.merge(later.all), plot: plot.merge(later.plot))
    }

    /// The summary under `filter`.
    public func summary(for filter: QualityFilter) -> Summary {
        switch filter {
        case .goodOnly: goodOnly
        case .includeUncertain: includeUncertain
        case .all: all
        }
    }
}
