import MillraceCore

/// Downsampling of one tag's samples for charts: a year of 1 Hz data to a few thousand points.
///
/// - `minMaxPerPixel` (M4): exact for line charts at the given width; up to 4 points per pixel column.
/// - `largestTriangleThreeBuckets` (LTTB): visually faithful with one point per bucket; smoother, smaller.
///
/// Both skip non-numeric values, plot good and uncertain samples, and keep bad-quality gaps visible with
/// gap markers (`PlotPoint.value == nil`; see `PlotGapTracker`). Both are single-pass and stream: use
/// `M4Accumulator` / `LTTBAccumulator` directly to feed decoded chunks one by one.
public enum PlotDownsampler {
    /// M4 over [start, end) into `pixels` columns; at most `4 × pixels` points.
    public static func minMaxPerPixel(
        _ samples: some Sequence<Sample>, start: Timestamp, end: Timestamp, pixels: Int
    ) throws(HistorianQueryError) -> [PlotPoint] {
        var accumulator = try M4Accumulator(start: start, end: end, pixels: pixels)
        accumulator.add(contentsOf: samples)
        return accumulator.finish()
    }

    /// LTTB over [start, end) to at most `targetCount` (≥ 3) points.
    public static func largestTriangleThreeBuckets(
        _ samples: some Sequence<Sample>, start: Timestamp, end: Timestamp, targetCount: Int
    ) throws(HistorianQueryError) -> [PlotPoint] {
        var accumulator = try LTTBAccumulator(start: start, end: end, targetCount: targetCount)
        accumulator.add(contentsOf: samples)
        return accumulator.finish()
    }
}
