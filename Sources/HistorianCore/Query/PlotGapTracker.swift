import MillraceCore

/// How downsamplers classify samples and decide where to put gap markers, shared by `M4Accumulator` and
/// `LTTBAccumulator` so both draw gaps the same way.
///
/// - good or uncertain with a finite number: plotted;
/// - bad quality, or NaN/infinite: opens a gap (until the next plotted sample);
/// - not a number (strings): ignored altogether.
/// A bucket without plotted samples that lies in an open gap (or holds its start) gets one gap marker, at
/// the first bad sample in the bucket or, if the gap was already open, at the bucket start; one marker per
/// gap. Gaps that open and close inside one bucket, or between two neighbouring buckets that both have
/// values, are narrower than a bucket and are not marked: zoom in to see them.
struct PlotGapTracker: Sendable {
    enum Kind {
        case plotted(Double)
        case gap
        case ignored
    }

    @inline(__always)
    static func classify(_ sample: Sample) -> Kind {
        guard let value = sample.value.numericValue else { return .ignored }
        guard value.isFinite, !sample.quality.isBad else { return .gap }
        return .plotted(value)
    }

    /// A gap is open: the last classified sample opened one.
    private(set) var isOpen = false
    private var marked = false
    private var quality = Quality.bad
    /// The first gap sample in the current bucket.
    private var firstInBucket: (time: Timestamp, quality: Quality)?
    private var openAtBucketStart = false
    private var plottedInBucket = false

    init() {}

    mutating func gapSample(_ sample: Sample) {
        if !isOpen {
            isOpen = true
            marked = false
            quality = sample.quality.isBad ? sample.quality : .bad
        }
        if firstInBucket == nil { firstInBucket = (sample.time, quality) }
    }

    mutating func plottedSample() {
        isOpen = false
        marked = false
        plottedInBucket = true
    }

    /// Starts the next bucket.
    mutating func beginBucket() {
        firstInBucket = nil
        openAtBucketStart = isOpen
        plottedInBucket = false
    }

    /// The marker for the bucket that just ended, if it needs one.
    mutating func endBucket(start: Timestamp) -> PlotPoint? {
        guard !plottedInBucket, !marked else { return nil }
        if openAtBucketStart {
            marked = true
            return PlotPoint(time: start, value: nil, quality: quality)
        }
        if let first = firstInBucket {
            marked = true
            return PlotPoint(time: first.time, value: nil, quality: first.quality)
        }
        return nil
    }

    /// The marker for buckets skipped without samples, starting at `start`, if the gap is open.
    mutating func emptyBucket(start: Timestamp) -> PlotPoint? {
        guard isOpen, !marked else { return nil }
        marked = true
        return PlotPoint(time: start, value: nil, quality: quality)
    }
}
