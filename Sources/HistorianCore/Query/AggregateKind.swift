/// The aggregates the historian computes per interval, with the semantics of AVEVA PI's summary types.
///
/// "Usable" values are those admitted by the `QualityFilter` and finite (see `QualityFilter`).
/// Time-weighted kinds follow the tag's `InterpolationMode`.
public enum AggregateKind: Hashable, Sendable {
    /// The number of usable samples in the interval (PI `Count` of good events). Never nil.
    case count
    /// The smallest usable value (PI `Minimum`); nil without usable samples.
    case minimum
    /// The largest usable value (PI `Maximum`); nil without usable samples.
    case maximum
    /// The arithmetic, event-weighted mean of the usable values (PI `Average` with `EventWeighted` basis).
    case mean
    /// ∫ value dt / usable time (PI `Average` with `TimeWeighted` basis): linear or step as the tag's mode,
    /// including the value in effect at the interval start (from the previous sample) and up to its end.
    /// Gaps are left out of both the integral and the time. Nil when no usable value was in effect.
    case timeWeightedAverage
    /// The sample standard deviation of the usable values (n − 1, event-weighted); nil for fewer than two.
    case standardDeviation
    /// The first usable value recorded inside the interval.
    case first
    /// The last usable value recorded inside the interval.
    case last
    /// `last − first` of the usable values inside the interval (0 for one value, nil for none).
    case delta
    /// The totalizer ∫ value dt over the usable time, in value·seconds divided by the seconds of `per`:
    /// `.integral(per: .seconds(3600))` turns kW into kWh. Nil when no usable value was in effect.
    /// Gaps contribute nothing (no extrapolation across them).
    case integral(per: Duration)
    /// The share of the interval, in percent of its duration, during which a usable value was in effect
    /// (PI `PercentGood`, by time). Time before the first known sample counts as not good. Never nil.
    case percentGood
    /// `maximum − minimum` of the usable values (PI `Range`); nil without usable samples.
    case range

    /// The integral in value·seconds.
    public static let integralPerSecond = AggregateKind.integral(per: .seconds(1))
    /// The integral in value·hours (kW → kWh, m³/h → m³).
    public static let integralPerHour = AggregateKind.integral(per: .seconds(3600))
}
