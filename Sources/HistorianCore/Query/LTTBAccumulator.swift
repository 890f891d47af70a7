import MillraceCore

/// Largest-Triangle-Three-Buckets downsampling (Steinarsson, "Downsampling Time Series for Visual
/// Representation", University of Iceland, 2013, §4.2), streaming, to at most `targetCount` points.
///
/// The first and the last plotted samples are always kept. In between, [start, end) is cut into
/// `targetCount − 2` equal **time** buckets (the thesis uses equal-count buckets; equal time suits the
/// irregular, exception-reported data of a historian and allows one pass without knowing the count).
/// From each bucket the sample is kept that forms the largest triangle with the point kept before it and
/// the average of the next non-empty bucket (the last sample for the last bucket). A bucket emits either
/// one value or one gap marker (see `PlotGapTracker`); empty buckets emit nothing.
///
/// Memory holds two buckets of samples; time is O(n).
public struct LTTBAccumulator: Sendable {
    struct Point: Sendable {
        var time: Timestamp
        var value: Double
        var quality: Quality
        var plotPoint: PlotPoint { PlotPoint(time: time, value: value, quality: quality) }
    }

    let grid: TimeGrid
    private var output: [PlotPoint] = []
    private var gaps = PlotGapTracker()
    private var bucket = -1
    private var emittedFirst = false
    /// The last value kept: the triangle's first corner.
    private var anchor: Point?
    /// The plotted samples of the bucket being filled (not counting the very first sample).
    private var current: [Point] = []
    /// The last closed non-empty bucket, waiting for the next one's average.
    private var pending: [Point] = []
    /// Gap markers from buckets after `pending`.
    private var pendingMarkers: [PlotPoint] = []

    /// `targetCount` must be 3 or more: the first and last samples and at least one bucket.
    public init(start: Timestamp, end: Timestamp, targetCount: Int) throws(HistorianQueryError) {
        guard targetCount >= 3, targetCount <= HistorianQueryError.maximumPoints else {
            throw HistorianQueryError(
                .invalidParameter, "the target count must be 3...\(HistorianQueryError.maximumPoints)")
        }
        guard end > start else {
            throw HistorianQueryError(.emptyRange, "the end \(end) is not after the start \(start)")
        }
        let (span, overflow) = end.microseconds.subtractingReportingOverflow(start.microseconds)
        guard !overflow else { throw HistorianQueryError(.invalidParameter, "the range is too long") }
        let buckets = Int64(targetCount - 2)
        let step = max(1, span / buckets + (span % buckets == 0 ? 0 : 1))
        grid = try TimeGrid(start: start, end: end, step: step)
    }

    /// Adds the next sample (in time order).
    public mutating func add(_ sample: Sample) {
        guard let index = grid.index(of: sample.time.microseconds) else { return }
        let kind = PlotGapTracker.classify(sample)
        if case .ignored = kind { return }
        if index > bucket { moveTo(index) }
        switch kind {
        case .plotted(let value):
            gaps.plottedSample()
            let point = Point(time: sample.time, value: value, quality: sample.quality)
            if emittedFirst {
                current.append(point)
            } else {
                emittedFirst = true
                output.append(point.plotPoint)
                anchor = point
            }
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

    private mutating func emit(marker: PlotPoint) {
        if pending.isEmpty { output.append(marker) } else { pendingMarkers.append(marker) }
    }

    private mutating func closeBucket() {
        guard bucket >= 0 else { return }
        if current.isEmpty {
            // A bucket whose only plotted sample was the very first one emits nothing more.
            if let marker = gaps.endBucket(start: grid.bounds(bucket).start) { emit(marker: marker) }
            return
        }
        var sumTime = 0.0
        var sumValue = 0.0
        for point in current {
            sumTime += seconds(point.time)
            sumValue += point.value
        }
        let count = Double(current.count)
        resolvePending(towards: (sumTime / count, sumValue / count))
        pending = current
        current = []
        current.reserveCapacity(pending.count)
    }

    /// Keeps the pending bucket's best point given the next bucket's average `(time, value)`.
    private mutating func resolvePending(towards next: (Double, Double)) {
        guard !pending.isEmpty else { return }
        var best = pending[0]
        if let anchor {
            let ax = seconds(anchor.time)
            let ay = anchor.value
            var bestArea = -1.0
            for point in pending {
                let area = abs((ax - next.0) * (point.value - ay) - (ax - seconds(point.time)) * (next.1 - ay))
                if area > bestArea {
                    bestArea = area
                    best = point
                }
            }
        }
        output.append(best.plotPoint)
        anchor = best
        output.append(contentsOf: pendingMarkers)
        pending = []
        pendingMarkers = []
    }

    private mutating func moveTo(_ index: Int) {
        closeBucket()
        if index > bucket + 1, let marker = gaps.emptyBucket(start: grid.bounds(bucket + 1).start) {
            emit(marker: marker)
        }
        bucket = index
        gaps.beginBucket()
    }

    @inline(__always)
    private func seconds(_ time: Timestamp) -> Double {
        Double(time.microseconds &- grid.start) / 1_000_000
    }

    /// The downsampled series, in time order, at most `targetCount` points.
    public mutating func finish() -> [PlotPoint] {
        closeBucket()
        if bucket + 1 < grid.count, let marker = gaps.emptyBucket(start: grid.bounds(bucket + 1).start) {
            emit(marker: marker)
        }
        bucket = grid.count
        if let last = pending.popLast() {
            let markers = pendingMarkers
            pendingMarkers = []
            resolvePending(towards: (seconds(last.time), last.value))
            output.append(last.plotPoint)
            output.append(contentsOf: markers)
        }
        return output
    }
}
