import MillraceCore

/// Two-sided tabular CUSUM on a standardised stream (Page 1954, "Continuous inspection schemes", Biometrika
/// 41; Montgomery, *Introduction to Statistical Quality Control*, §9.1).
///
/// S⁺ₜ = max(0, S⁺ₜ₋₁ + zₜ − k), S⁻ₜ = max(0, S⁻ₜ₋₁ − zₜ − k); a change is signalled when either exceeds h, and
/// the sums restart. With k = 0.5 it is tuned to a shift of one σ. Process data are autocorrelated, which makes
/// plain limits alarm far more often than the textbook ARL; the default h = 12 (instead of 4–5) and a clamp of each
/// |z| at `clamp` (so one spike cannot trip it) keep false alarms rare on the simulated plant (see
/// docs/condition-monitoring.md).
public struct CUSUMDetector: Hashable, Sendable {
    public let allowance: Double
    public let threshold: Double
    public let clamp: Double
    public private(set) var upper = 0.0
    public private(set) var lower = 0.0
    private var upperStart: Timestamp?
    private var lowerStart: Timestamp?

    /// - Throws: `invalidParameter` for a negative allowance or a non-positive threshold or clamp.
    public init(allowance: Double = 0.5, threshold: Double = 12, clamp: Double = 4) throws(AnalyticsError) {
        guard allowance.isFinite, allowance >= 0, threshold.isFinite, threshold > 0, clamp.isFinite, clamp > 0 else {
            throw AnalyticsError(.invalidParameter, "CUSUM needs allowance ≥ 0 and threshold, clamp > 0")
        }
        self.allowance = allowance
        self.threshold = threshold
        self.clamp = clamp
    }

    /// Adds one standardised value; returns the change point when the sums cross the threshold. A non-finite
    /// value is skipped.
    public mutating func update(with z: Double, at time: Timestamp) -> ChangePoint? {
        guard z.isFinite else { return nil }
        let x = min(max(z, -clamp), clamp)
        if upper == 0 { upperStart = time }
        if lower == 0 { lowerStart = time }
        upper = max(0, upper + x - allowance)
        lower = max(0, lower - x - allowance)
        if upper > threshold {
            let point = ChangePoint(detectedAt: time, estimatedStart: upperStart ?? time, direction: .up, statistic: upper)
            reset()
            return point
        }
        if lower > threshold {
            let point = ChangePoint(detectedAt: time, estimatedStart: lowerStart ?? time, direction: .down, statistic: lower)
            reset()
            return point
        }
        return nil
    }

    public mutating func reset() {
        upper = 0
        lower = 0
        upperStart = nil
        lowerStart = nil
    }
}
