#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remaining useful life by similarity to run-to-failure histories of like assets (Wang, Yu, Siegel & Lee 2008,
/// "A similarity-based prognostics approach for remaining useful life estimation of engineered systems", PHM).
///
/// The last `windowLength` observations of the current unit are slid along each library history: for every
/// candidate "now" on the history (each of its sample times), the history is interpolated at the same relative
/// times and the mean squared difference is the distance. Each history contributes its best alignment and the
/// remaining life it implies (its failure time − the aligned now). The `neighbours` closest histories are
/// weighted by exp(−d/(2·s²)), s² being the median of their distances (a kernel whose width adapts to how well
/// the library fits), and the estimate is the weighted median with weighted percentiles as the interval.
public struct SimilarityRULEstimator: Hashable, Sendable {
    public let library: [RunToFailureHistory]
    public let windowLength: Int
    public let neighbours: Int
    public let levels: (lower: Double, upper: Double)
    public private(set) var observations: [HealthObservation] = []

    /// - Throws: `emptyInput` for an empty library, `invalidParameter` for a window < 2, neighbours < 1 or
    ///   bad levels.
    public init(
        library: [RunToFailureHistory], windowLength: Int = 30, neighbours: Int = 8,
        levels: (lower: Double, upper: Double) = (0.1, 0.9)
    ) throws(AnalyticsError) {
        guard !library.isEmpty else { throw AnalyticsError(.emptyInput, "the run-to-failure library is empty") }
        guard windowLength >= 2, neighbours >= 1, levels.lower > 0, levels.lower < levels.upper, levels.upper < 1 else {
            throw AnalyticsError(.invalidParameter, "windowLength must be ≥ 2, neighbours ≥ 1 and 0 < lower < upper < 1")
        }
        self.library = library
        self.windowLength = windowLength
        self.neighbours = neighbours
        self.levels = levels
    }

    public static func == (lhs: SimilarityRULEstimator, rhs: SimilarityRULEstimator) -> Bool {
        lhs.library == rhs.library && lhs.windowLength == rhs.windowLength && lhs.neighbours == rhs.neighbours
            && lhs.levels == rhs.levels && lhs.observations == rhs.observations
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(library)
        hasher.combine(observations)
    }

    /// Adds observations of the current unit (time since its start, in the library's time unit).
    /// - Throws: `nonFiniteSample`, `irregularSampling`.
    public mutating func update(with new: [HealthObservation]) throws(AnalyticsError) {
        for observation in new {
            guard observation.time.isFinite, observation.value.isFinite else {
                throw AnalyticsError(.nonFiniteSample, "observation at \(observation.time) is \(observation.value)")
            }
            if let last = observations.last, observation.time <= last.time {
                throw AnalyticsError(.irregularSampling, "observation at \(observation.time) does not follow \(last.time)")
            }
            observations.append(observation)
        }
    }

    /// - Throws: `insufficientData` with fewer than 2 observations or when no history is long enough to match.
    public func estimate() throws(AnalyticsError) -> RULEstimate {
        guard observations.count >= 2, let last = observations.last else {
            throw AnalyticsError(.insufficientData, "similarity matching needs at least 2 observations, not \(observations.count)")
        }
        let window = observations.suffix(windowLength)
        let offsets = window.map { $0.time - last.time }  // ≤ 0
        let span = -(offsets.first ?? 0)
        var matches: [(id: String, distance: Double, remaining: Double)] = []
        for history in library {
            var best: (distance: Double, remaining: Double)?
            for candidate in history.observations where candidate.time - span >= history.startTime {
                var sum = 0.0
                var valid = true
                for (offset, observation) in zip(offsets, window) {
                    guard let value = history.value(at: candidate.time + offset) else { valid = false; break }
                    sum += (value - observation.value) * (value - observation.value)
                }
                guard valid else { continue }
                let distance = sum / Double(window.count)
                if let current = best, current.distance <= distance { continue }
                best = (distance, history.failureTime - candidate.time)
            }
            if let best { matches.append((history.id, best.distance, best.remaining)) }
        }
        guard !matches.isEmpty else {
            throw AnalyticsError(.insufficientData, "no run-to-failure history is as long as the current window")
        }
        let nearest = matches.sorted { $0.distance < $1.distance }.prefix(neighbours)
        let distances = nearest.map(\.distance)
        let scale = max(distances.sorted()[distances.count / 2], 1e-12)
        let weighted = nearest.map { (remaining: $0.remaining, weight: exp(-$0.distance / (2 * scale))) }
            .sorted { $0.remaining < $1.remaining }
        let total = weighted.reduce(0) { $0 + $1.weight }
        func percentile(_ p: Double) -> Double {
            guard total > 0 else { return weighted[weighted.count / 2].remaining }
            var cumulative = 0.0
            for item in weighted {
                cumulative += item.weight / total
                if cumulative >= p { return item.remaining }
            }
            return weighted[weighted.count - 1].remaining
        }
        return RULEstimate(
            now: last.time, lower: percentile(levels.lower), median: percentile(0.5), upper: percentile(levels.upper),
            levels: levels, probabilityOfCrossing: 1,
            method: "similarity to \(nearest.count) of \(library.count) run-to-failure histories (closest: \(nearest.first?.id ?? ""))")
    }
}
