import MillraceCore

/// One interval of an aggregate query and its value.
///
/// Quality of the bucket:
/// - `.bad` when `value` is nil (no usable data for this aggregate);
/// - `.good` when a usable value was in effect for at least `AggregationOptions.goodCoverage` of the
///   interval (100 % by default, as OPC UA Part 13's `PercentDataGood` default);
/// - otherwise `Quality(.uncertain, .subNormal)`: the value is computed from partial data.
/// `count` and `percentGood` describe the data rather than measure the process, so they are always `.good`.
public struct AggregateBucket: Hashable, Sendable {
    /// The inclusive start of the interval.
    public var start: Timestamp
    /// The exclusive end of the interval; the last bucket of a query ends at the query's end.
    public var end: Timestamp
    /// The aggregate, or nil when it has no value (see `AggregateKind`).
    public var value: Double?
    /// Samples of any quality recorded in [start, end).
    public var count: Int
    /// The share of the interval covered by usable values, 0...100.
    public var percentGood: Double
    public var quality: Quality

    public init(start: Timestamp, end: Timestamp, value: Double?, count: Int, percentGood: Double, quality: Quality) {
        self.start = start
        self.end = end
        self.value = value
        self.count = count
        self.percentGood = percentGood
        self.quality = quality
    }
}
