#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remaining useful life from one asset's health indicator trending toward a failure threshold, with a
/// prediction interval for the crossing time.
///
/// Method: Bayesian linear regression of y = g(h) on time (g = identity for `.linear`, ln(h − offset) for
/// `.exponential`) with the conjugate normal–inverse-gamma prior (Bishop, *Pattern Recognition and Machine
/// Learning*, §3.3; the exponential case is Gebraeel, Lawley, Li & Ryan 2005, IIE Transactions 37). The
/// posterior is kept as sufficient statistics (n, Σt, Σt², Σy, Σty, Σy²), so `update(with:)` is O(1) and the
/// estimator never stores or revisits data. `estimate(now:)` draws `draws` parameter sets from the posterior
/// (seeded), computes where each mean trend crosses the threshold, and reports percentiles of the remaining
/// time: the interval reflects how well the data pin the trend, and narrows as data arrive.
public struct DegradationRULEstimator: Hashable, Sendable {
    public let kind: DegradationModelKind
    /// The level at which the asset is considered failed (or due for action).
    public let threshold: Double
    /// The central interval's percentiles.
    public let levels: (lower: Double, upper: Double)
    public let draws: Int
    public let seed: UInt64
    private var origin: Double?
    private var count = 0.0
    private var sumT = 0.0
    private var sumTT = 0.0
    private var sumY = 0.0
    private var sumTY = 0.0
    private var sumYY = 0.0
    public private(set) var lastTime: Double?
    /// Observations rejected because g(h) is undefined (h ≤ offset for the exponential model).
    public private(set) var skipped = 0

    /// - Throws: `invalidParameter` for a non-finite threshold, a threshold at or below the exponential offset,
    ///   levels outside 0 < lower < upper < 1, or fewer than 100 draws.
    public init(
        kind: DegradationModelKind, threshold: Double, levels: (lower: Double, upper: Double) = (0.1, 0.9),
        draws: Int = 2000, seed: UInt64 = 1
    ) throws(AnalyticsError) {
        guard threshold.isFinite else { throw AnalyticsError(.invalidParameter, "threshold is \(threshold)") }
        if case .exponential(let offset) = kind {
            guard offset.isFinite, threshold > offset else {
                throw AnalyticsError(.invalidParameter, "the threshold \(threshold) must be above the offset \(offset)")
            }
        }
        guard levels.lower > 0, levels.lower < levels.upper, levels.upper < 1 else {
            throw AnalyticsError(.invalidParameter, "levels must satisfy 0 < lower < upper < 1")
        }
        guard draws >= 100, draws <= 1_000_000 else {
            throw AnalyticsError(.invalidParameter, "draws is \(draws); use 100…1 000 000")
        }
        self.kind = kind
        self.threshold = threshold
        self.levels = levels
        self.draws = draws
        self.seed = seed
    }

    public static func == (lhs: DegradationRULEstimator, rhs: DegradationRULEstimator) -> Bool {
        lhs.kind == rhs.kind && lhs.threshold == rhs.threshold && lhs.levels == rhs.levels && lhs.draws == rhs.draws
            && lhs.seed == rhs.seed && lhs.count == rhs.count && lhs.sumT == rhs.sumT && lhs.sumTT == rhs.sumTT
            && lhs.sumY == rhs.sumY && lhs.sumTY == rhs.sumTY && lhs.sumYY == rhs.sumYY && lhs.origin == rhs.origin
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(threshold)
        hasher.combine(count)
        hasher.combine(sumTY)
    }

    /// Number of observations in the posterior.
    public var observationCount: Int { Int(count) }

    private func transform(_ value: Double) -> Double? {
        switch kind {
        case .linear: return value
        case .exponential(let offset): return value > offset ? log(value - offset) : nil
        }
    }

    /// Adds observations (in time order).
    /// - Throws: `nonFiniteSample`; `irregularSampling` when a time is not after the previous one.
    public mutating func update(with observations: [HealthObservation]) throws(AnalyticsError) {
        for observation in observations { try update(with: observation) }
    }

    /// Adds one observation. A value the model cannot take (h ≤ offset) is counted in `skipped`, not fitted.
    public mutating func update(with observation: HealthObservation) throws(AnalyticsError) {
        guard observation.time.isFinite, observation.value.isFinite else {
            throw AnalyticsError(.nonFiniteSample, "observation at \(observation.time) is \(observation.value)")
        }
        if let lastTime, observation.time <= lastTime {
            throw AnalyticsError(.irregularSampling, "observation at \(observation.time) does not follow \(lastTime)")
        }
        lastTime = observation.time
        guard let y = transform(observation.value) else {
            skipped += 1
            return
        }
        let origin = self.origin ?? observation.time
        self.origin = origin
        let t = observation.time - origin
        count += 1
        sumT += t
        sumTT += t * t
        sumY += y
        sumTY += t * y
        sumYY += y * y
    }

    /// The remaining-life estimate at the last observation (or at `now`, if later).
    /// - Throws: `insufficientData` with fewer than 3 usable observations or all at one time; `invalidParameter`
    ///   when the values are so large that the fit overflows.
    public func estimate(now: Double? = nil) throws(AnalyticsError) -> RULEstimate {
        guard count >= 3, let origin, let lastTime else {
            throw AnalyticsError(.insufficientData, "a trend needs at least 3 usable observations, not \(Int(count))")
        }
        guard [sumT, sumTT, sumY, sumTY, sumYY].allSatisfy(\.isFinite) else {
            throw AnalyticsError(.invalidParameter, "the observations are too large to fit (their squares overflow)")
        }
        let current = max(now ?? lastTime, lastTime) - origin
        // Posterior with a vague prior: Λ₀ = ε·I, m₀ = 0, a₀ = b₀ = 10⁻³ (Bishop §3.3, eqs. 3.50–3.51 with an
        // unknown noise variance).
        let epsilon = 1e-9
        let l00 = count + epsilon
        let l01 = sumT
        let l11 = sumTT + epsilon
        let det = l00 * l11 - l01 * l01
        guard det > 1e-12 * max(1, l00 * l11) else {
            throw AnalyticsError(.insufficientData, "the observations span no time; a trend cannot be fitted")
        }
        let inv00 = l11 / det
        let inv01 = -l01 / det
        let inv11 = l00 / det
        let m0 = inv00 * sumY + inv01 * sumTY
        let m1 = inv01 * sumY + inv11 * sumTY
        let a = 1e-3 + count / 2
        let quadratic = m0 * (l00 * m0 + l01 * m1) + m1 * (l01 * m0 + l11 * m1)
        let b = 1e-3 + max(0, 0.5 * (sumYY - quadratic))
        guard b.isFinite, m0.isFinite, m1.isFinite else {
            throw AnalyticsError(.invalidParameter, "the trend cannot be fitted to these values (they overflow)")
        }
        // Cholesky of Λ⁻¹ for correlated draws.
        let c00 = inv00.squareRoot()
        let c10 = c00 > 0 ? inv01 / c00 : 0
        let c11 = max(0, inv11 - c10 * c10).squareRoot()
        guard let target = transform(threshold) else {
            throw AnalyticsError(.invalidParameter, "the threshold is outside the model's range")
        }
        var random = SeededRandom(seed: seed ^ UInt64(count))
        var remaining: [Double] = []
        remaining.reserveCapacity(draws)
        var crossings = 0
        for _ in 0..<draws {
            let variance = b / max(random.gamma(shape: a), 1e-300)
            let sd = variance.squareRoot()
            let z0 = random.normal()
            let z1 = random.normal()
            let theta0 = m0 + sd * c00 * z0
            let theta1 = m1 + sd * (c10 * z0 + c11 * z1)
            let levelNow = theta0 + theta1 * current
            let rising = target > levelNow
            // The trend must move toward the threshold; a trend already past it has crossed (0 remaining).
            if !rising { remaining.append(0); crossings += 1; continue }
            guard theta1 > 0 else { remaining.append(.infinity); continue }
            let time = (target - levelNow) / theta1
            remaining.append(time.isNaN ? .infinity : time)
            crossings += 1
        }
        remaining.sort()
        func percentile(_ p: Double) -> Double {
            let index = min(remaining.count - 1, max(0, Int((p * Double(remaining.count)).rounded(.down))))
            return remaining[index]
        }
        return RULEstimate(
            now: current + origin, lower: percentile(levels.lower), median: percentile(0.5), upper: percentile(levels.upper),
            levels: levels, probabilityOfCrossing: Double(crossings) / Double(draws),
            method: "\(kind.name), Bayesian linear regression on \(Int(count)) points")
    }
}
