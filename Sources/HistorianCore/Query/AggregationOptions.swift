/// How an aggregate query treats quality and time.
public struct AggregationOptions: Hashable, Sendable {
    /// Which samples are usable; `.goodOnly` by default.
    public var filter: QualityFilter
    /// Linear (analog) or step (discrete) time-weighting; use `InterpolationMode.default(for:)` per tag.
    public var mode: InterpolationMode
    /// The share of the interval (0...1) that must be covered by usable values for a bucket to be `.good`;
    /// below it a bucket with a value is `.uncertain`. 1 by default (every microsecond covered).
    public var goodCoverage: Double

    public init(filter: QualityFilter = .default, mode: InterpolationMode = .linear, goodCoverage: Double = 1) {
        self.filter = filter
        self.mode = mode
        self.goodCoverage = goodCoverage
    }
}
