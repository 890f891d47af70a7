import MillraceCore

/// The value of a tag at one time, computed from the samples around it.
///
/// `value` is nil when there is none: before the first sample, inside a bad gap, or further than the
/// maximum extrapolation after the last sample; `quality` is then bad.
public struct InterpolatedValue: Hashable, Sendable {
    public var time: Timestamp
    public var value: DataValue?
    public var quality: Quality

    public init(time: Timestamp, value: DataValue?, quality: Quality) {
        self.time = time
        self.value = value
        self.quality = quality
    }
}
