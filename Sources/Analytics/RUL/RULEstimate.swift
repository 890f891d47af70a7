/// A remaining-useful-life estimate with its uncertainty: the median and a central interval, in the time unit of
/// the observations, as of `now`.
///
/// `upper` is `.infinity` when, at that percentile, the indicator does not reach the threshold (the trend is flat
/// or improving in that share of the plausible models).
public struct RULEstimate: Hashable, Sendable {
    /// The time the estimate was made for (the last observation).
    public var now: Double
    public var lower: Double
    public var median: Double
    public var upper: Double
    /// The interval's percentiles, e.g. (0.1, 0.9).
    public var levels: (lower: Double, upper: Double)
    /// Share of the plausible models in which the threshold is reached.
    public var probabilityOfCrossing: Double
    /// How the estimate was made ("exponential degradation, Bayesian linear regression on ln(h), 40 points").
    public var method: String

    public init(
        now: Double, lower: Double, median: Double, upper: Double, levels: (lower: Double, upper: Double),
        probabilityOfCrossing: Double, method: String
    ) {
        self.now = now
        self.lower = lower
        self.median = median
        self.upper = upper
        self.levels = levels
        self.probabilityOfCrossing = probabilityOfCrossing
        self.method = method
    }

    public static func == (lhs: RULEstimate, rhs: RULEstimate) -> Bool {
        lhs.now == rhs.now && lhs.lower == rhs.lower && lhs.median == rhs.median && lhs.upper == rhs.upper
            && lhs.levels.lower == rhs.levels.lower && lhs.levels.upper == rhs.levels.upper
            && lhs.probabilityOfCrossing == rhs.probabilityOfCrossing && lhs.method == rhs.method
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(now)
        hasher.combine(lower)
        hasher.combine(median)
        hasher.combine(upper)
        hasher.combine(method)
    }

    /// The absolute times of the interval: now + lower … now + upper.
    public var failureWindow: (earliest: Double, latest: Double) { (now + lower, now + upper) }

    /// Interval width, upper − lower (infinite when the upper bound is).
    public var width: Double { upper - lower }

    /// "estimated 18–31 days to the alarm limit (80 % interval, median 24)".
    public func sentence(unit: String, limitName: String = "the alarm limit") -> String {
        let share = Int(((levels.upper - levels.lower) * 100).rounded())
        let upperText = upper.isFinite ? DecimalFormat.string(upper, places: 0) : "beyond the trend's reach"
        return "estimated \(DecimalFormat.string(lower, places: 0))–\(upperText) \(unit) to \(limitName) (\(share) % interval, median \(median.isFinite ? DecimalFormat.string(median, places: 0) : "∞"); \(method))"
    }
}
