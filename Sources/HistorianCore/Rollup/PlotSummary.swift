import MillraceCore

/// What M4 plot downsampling needs from the samples of one rollup bucket, so that a pixel column covering
/// whole buckets can be drawn from rollups with exactly the points a scan of the raw samples gives.
///
/// M4 keeps the first, minimum, maximum and last plotted sample of each pixel (earliest on ties), and a
/// gap marker rule (`PlotGapTracker`) that depends only on where gap samples (bad quality or not finite)
/// fall relative to plotted ones. Per bucket that is fully described by the four plotted points, the first
/// gap sample, and the gap sample that opened a gap still open at the bucket's end (`trailingGap`).
/// Feeding these ≤ 6 samples to `M4Accumulator` in time order leaves it in the same state as feeding every
/// sample of the bucket (`M4Accumulator.add(_:)` for summaries), and summaries of adjacent buckets merge.
public struct PlotSummary: Hashable, Sendable {
    public private(set) var first: PlotPoint?
    public private(set) var minimum: PlotPoint?
    public private(set) var maximum: PlotPoint?
    public private(set) var last: PlotPoint?
    /// The first gap sample, with the quality a gap marker would show for it (bad).
    public private(set) var firstGap: PlotPoint?
    /// The sample that opened the gap that is still open at the end (none if the last classified sample
    /// was plotted). Relative to this bucket alone: a gap open before the bucket is not known here.
    public private(set) var trailingGap: PlotPoint?

    public init() {}

    public init(
        first: PlotPoint?, minimum: PlotPoint?, maximum: PlotPoint?, last: PlotPoint?, firstGap: PlotPoint?,
        trailingGap: PlotPoint?
    ) {
        self.first = first
        self.minimum = minimum
        self.maximum = maximum
        self.last = last
        self.firstGap = firstGap
        self.trailingGap = trailingGap
    }

    /// Adds the next sample in time order (classified as `M4Accumulator` does).
    public mutating func add(_ sample: Sample) {
        switch PlotGapTracker.classify(sample) {
        case .plotted(let value):
            let point = PlotPoint(time: sample.time, value: value, quality: sample.quality)
            if first == nil { first = point }
            if minimum == nil || value < minimum!.value! { minimum = point }
            if maximum == nil || value > maximum!.value! { maximum = point }
            last = point
            trailingGap = nil
        case .gap:
            let point = PlotPoint(time: sample.time, value: nil, quality: sample.quality.isBad ? sample.quality : .bad)
            if firstGap == nil { firstGap = point }
            if trailingGap == nil { trailingGap = point }
        case .ignored:
            break
        }
    }

    /// This summary followed by `later` (whose samples are all later).
    public func merge(_ later: PlotSummary) -> PlotSummary {
        var result = self
        if result.first == nil { result.first = later.first }
        if let other = later.minimum, result.minimum == nil || other.value! < result.minimum!.value! { result.minimum = other }
        if let other = later.maximum, result.maximum == nil || other.value! > result.maximum!.value! { result.maximum = other }
        if let other = later.last { result.last = other }
        if result.firstGap == nil { result.firstGap = later.firstGap }
        // A plotted sample in `later` closes any gap open at our end; otherwise our open gap goes on.
        if later.last != nil {
            result.trailingGap = later.trailingGap
        } else if result.trailingGap == nil {
            result.trailingGap = later.trailingGap
        }
        return result
    }

    /// The samples to replay into `M4Accumulator`, in time order, each once.
    public var replaySamples: [Sample] {
        var points: [PlotPoint] = []
        for point in [first, minimum, maximum, last, firstGap, trailingGap] {
            if let point, !points.contains(point) { points.append(point) }
        }
        points.sort { $0.time < $1.time }
        return points.map { point in
            // A gap is replayed as NaN with its (bad) quality: M4 classifies it as a gap with that quality.
            Sample(time: point.time, value: .double(point.value ?? .nan), quality: point.quality)
        }
    }
}

extension M4Accumulator {
    /// Adds the plot summary of a rollup bucket that lies inside one pixel column, in time order with the
    /// other samples and summaries added.
    public mutating func add(_ summary: PlotSummary) {
        for sample in summary.replaySamples { add(sample) }
    }
}
