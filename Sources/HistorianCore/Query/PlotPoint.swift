import MillraceCore

/// One point of a downsampled chart series.
///
/// A point with `value == nil` is a **gap marker**: the chart must break its line there (as a `null` in
/// most chart libraries), because no usable value was in effect from that time until the next point.
public struct PlotPoint: Hashable, Sendable {
    public var time: Timestamp
    /// The value, or nil for a gap marker.
    public var value: Double?
    /// The sample's quality (good or uncertain for values; the bad sample's quality for gap markers).
    public var quality: Quality

    public init(time: Timestamp, value: Double?, quality: Quality) {
        self.time = time
        self.value = value
        self.quality = quality
    }

    /// Whether this point breaks the line.
    public var isGap: Bool { value == nil }
}
