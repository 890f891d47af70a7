import MillraceCore

/// A sample reduced to what time-weighting needs: its time and its value if usable.
///
/// `value == nil` means the sample is not usable (bad quality under the filter, not a number, NaN or
/// infinite): from this time until the next usable sample there is a gap.
public struct SignalPoint: Hashable, Sendable {
    public var time: Timestamp
    public var value: Double?

    public init(time: Timestamp, value: Double?) {
        self.time = time
        self.value = value
    }

    /// The point for a sample under a filter.
    public init(_ sample: Sample, filter: QualityFilter) {
        self.init(time: sample.time, value: filter.usableValue(of: sample))
    }
}
