import MillraceCore

/// M4 downsampling for charts (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation",
/// PVLDB 7(10), 2014), streaming.
///
/// [start, end) is cut into `pixels` equal buckets (one per pixel column). Each bucket emits its first,
/// minimum, maximum and last plotted sample, in time order and without repeating a sample, so a line
/// chart drawn from the output is pixel-identical to one drawn from all samples, and the global minimum
/// and maximum are always present. At most 4 points per bucket: a bucket emits either values or one gap
/// marker (see `PlotGapTracker` for the gap rule). Samples outside [start, end) are ignored.
///
/// O(1) per sample and O(output) memory: feed a year of 1 Hz samples chunk by chunk.
public struct M4Accumulator: Sendable {
    let grid: TimeGrid
    private var output: [PlotPoint] = []
    private var bucket = -1
    private var gaps = PlotGapTracker()
    private var first: PlotPoint?
    private var minimum: PlotPoint?
    private var maximum: PlotPoint?
    private var last: PlotPoint?

    /// `pixels` buckets over [start, end); `pixels` must be 1 or more.
    public init(start: Timestamp, end: Timestamp, pixels: Int) throws(HistorianQueryError) {
        guard pixels >= 1, pixels <= HistorianQueryError.maximumPoints / 4 else {
            throw HistorianQueryError(.invalidParameter, "pixels must be 1...\(HistorianQueryError.maximumPoints / 4)")
        }
        guard end > start else {
            throw HistorianQueryError(.emptyRange, "the end \(end) is not after the start \(start)")
        }
        let (span, overflow) = end.microseconds.subtractingReportingOverflow(start.microseconds)
        guard !overflow else { throw HistorianQueryError(.invalidParameter, "the range is too long") }
        // Round the bucket width up so that there are never more than `pixels` buckets.
        let step = max(1, span / Int64(pixels) + (span % Int64(pixels) == 0 ? 0 : 1))
        grid = try TimeGrid(start: start, end: end, step: step)
    }

    /// The most points `finish()` can return.
    public var maximumOutputCount: Int { grid.count * 4 }

    /// Adds the next sample (in time order).
    public mutating func add(_ sample: Sample) {
        guard let index = grid.index(of: sample.time.microseconds) else { return }
        let kind = PlotGapTracker.classify(sample)
        if case .ignored = kind { return }
        if index > bucket { moveTo(index) }
        switch kind {
        case .plotted(let value):
            gaps.plottedSample()
            let point = PlotPoint(time: sample.time, value: value, quality: sample.quality)
            if first == nil { first = point }
            if minimum == nil || value < minimum!.value! { minimum = point }
            if maximum == nil || value > maximum!.value! { maximum = point }
            last = point
        case .gap:
            gaps.gapSample(sample)
        case .ignored:
            break
        }
    }

    /// Adds samples in time order.
    @inlinable
    public mutating func add(contentsOf samples: some Sequence<Sample>) {
        for sample in samples { add(sample) }
    }

    private mutating func closeBucket() {
        guard bucket >= 0 else { return }
        if let first, let minimum, let maximum, let last {
            var points = [first, minimum, maximum, last]
            // By time, then value, so that a sample chosen twice (first and minimum, say) is adjacent.
            points.sort { ($0.time, $0.value!) < ($1.time, $1.value!) }
            for point in points where output.last != point {
                output.append(point)
            }
        } else if let marker = gaps.endBucket(start: grid.bounds(bucket).start) {
            output.append(marker)
        }
        first = nil
        minimum = nil
        maximum = nil
        last = nil
    }

    private mutating func moveTo(_ index: Int) {
        closeBucket()
        if index > bucket + 1, let marker = gaps.emptyBucket(start: grid.bounds(bucket + 1).start) {
            output.append(marker)
        }
        bucket = index
        gaps.beginBucket()
    }

    /// The downsampled series, in time order.
    public mutating func finish() -> [PlotPoint] {
        closeBucket()
        if bucket + 1 < grid.count, let marker = gaps.emptyBucket(start: grid.bounds(bucket + 1).start) {
            output.append(marker)
        }
        bucket = grid.count
        return output
    }
}
