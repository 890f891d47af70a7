import MillraceCore

/// A mergeable partial aggregate of the samples of one tag in one time range: the unit of rollups.
///
/// Build one by `add(_:filter:)`-ing samples in time order, or by `merge(_:)`-ing the summaries of
/// adjacent, time-ordered ranges. Merging is associative (up to floating-point rounding of the sums) and
/// `Summary.empty` is its identity, so a 1-day summary can be made from 24 hourly ones, and aggregating
/// all samples at once equals merging the summaries of any split of them.
///
/// What it keeps:
/// - `count` (every sample) and `usableCount` (samples usable under the filter, see `QualityFilter`);
/// - over usable values: `minimum`/`maximum` with their times (the earliest on ties), the mean and the
///   sum of squared deviations (`m2`, Welford), merged with Chan, Golub and LeVeque's pairwise formula
///   (1979), which stays accurate where a sum of squares would cancel catastrophically;
/// - `firstUsable`/`lastUsable`: the first and last usable values, for first, last and delta;
/// - `first`/`last`: the first and last samples of any quality as `SignalPoint`s, so a later merge or a
///   query can stitch the time-weighted signal across a range boundary;
/// - the time-weighted integral **between the first and the last sample** in both interpolation modes
///   (`stepIntegral`, `linearIntegral`, in value·seconds) and the usable time in that span
///   (`usableMicroseconds`). The pieces before the first and after the last sample depend on the
///   neighbouring samples and are added by `SummaryWindow`.
///
/// How the engine answers long ranges from rollups, and which answers are exact: docs/historian-queries.md.
///
/// A summary is built under one `QualityFilter`; merge only summaries built with the same filter.
/// Merging `a.merge(b)` assumes every sample of `b` is at or after every sample of `a`.
public struct Summary: Hashable, Sendable {
    /// Samples added, of any quality and value.
    public private(set) var count: Int = 0
    /// Samples whose value was usable under the filter.
    public private(set) var usableCount: Int = 0
    /// The arithmetic mean of the usable values (0 when there are none).
    public private(set) var mean: Double = 0
    /// The sum of squared deviations of the usable values from their mean (Welford's M2).
    public private(set) var m2: Double = 0
    /// The smallest usable value; the earliest one on ties.
    public private(set) var minimum: TimedValue?
    /// The largest usable value; the earliest one on ties.
    public private(set) var maximum: TimedValue?
    /// The first usable value.
    public private(set) var firstUsable: TimedValue?
    /// The last usable value.
    public private(set) var lastUsable: TimedValue?
    /// The first sample, of any quality.
    public private(set) var first: SignalPoint?
    /// The last sample, of any quality; on equal times the one added last.
    public private(set) var last: SignalPoint?
    /// ∫ value dt from `first` to `last` with each value held until the next sample, in value·seconds.
    public private(set) var stepIntegral: Double = 0
    /// ∫ value dt from `first` to `last` with straight lines between usable samples, in value·seconds.
    public private(set) var linearIntegral: Double = 0
    /// Microseconds between `first` and `last` during which a usable value was in effect.
    public private(set) var usableMicroseconds: Int64 = 0

    public init() {}

    /// A summary from stored fields, for the storage engine to restore persisted rollups; the fields mean
    /// exactly what the properties of the same names document. Nothing is checked: store what you read.
    public init(
        count: Int, usableCount: Int, mean: Double, m2: Double, minimum: TimedValue?, maximum: TimedValue?,
        firstUsable: TimedValue?, lastUsable: TimedValue?, first: SignalPoint?, last: SignalPoint?,
        stepIntegral: Double, linearIntegral: Double, usableMicroseconds: Int64
    ) {
        self.count = count
        self.usableCount = usableCount
        self.mean = mean
        self.m2 = m2
        self.minimum = minimum
        self.maximum = maximum
        self.firstUsable = firstUsable
        self.lastUsable = lastUsable
        self.first = first
        self.last = last
        self.stepIntegral = stepIntegral
        self.linearIntegral = linearIntegral
        self.usableMicroseconds = usableMicroseconds
    }

    /// The summary of no samples; `x.merge(.empty) == x` and `Summary.empty.merge(x) == x`.
    public static let empty = Summary()

    /// The summary of `samples` (in time order) under `filter`.
    public init(_ samples: some Sequence<Sample>, filter: QualityFilter = .default) {
        for sample in samples { add(sample, filter: filter) }
    }

    /// The sum of the usable values (`mean × usableCount`).
    public var sum: Double { mean * Double(usableCount) }

    /// The sample variance of the usable values (n − 1 in the denominator); nil for fewer than two.
    public var variance: Double? {
        usableCount >= 2 ? max(0, m2 / Double(usableCount - 1)) : nil
    }

    /// The sample standard deviation of the usable values; nil for fewer than two.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// Adds the next sample. Samples must come in non-decreasing time order; an earlier one is still counted
    /// and its value aggregated, but adds no time-weighted span (the time-weighted part never goes backwards).
    public mutating func add(_ sample: Sample, filter: QualityFilter = .default) {
        let point = SignalPoint(sample, filter: filter)
        count += 1
        if let value = point.value {
            let timed = TimedValue(time: sample.time, value: value)
            usableCount += 1
            let delta = value - mean
            mean += delta / Double(usableCount)
            m2 += delta * (value - mean)
            if minimum == nil || value < minimum!.value { minimum = timed }
            if maximum == nil || value > maximum!.value { maximum = timed }
            if firstUsable == nil { firstUsable = timed }
            lastUsable = timed
        }
        if let previous = last {
            // A sample earlier than the last one (unsorted input) is aggregated but does not move `last`.
            guard point.time >= previous.time else { return }
            accumulateSpan(from: previous, to: point)
        } else {
            first = point
        }
        last = point
    }

    /// Adds the signal between the current last sample and the next one.
    private mutating func accumulateSpan(from previous: SignalPoint, to next: SignalPoint) {
        guard next.time > previous.time else { return }
        let piece = TimeWeightedPiece(from: previous, to: next, clippedTo: previous.time, next.time)
        stepIntegral += piece.stepIntegral
        linearIntegral += piece.linearIntegral
        usableMicroseconds &+= piece.usableMicroseconds
    }

    /// This summary followed by `later`, a summary of samples at or after all of this one's.
    public func merge(_ later: Summary) -> Summary {
        guard later.count > 0 else { return self }
        guard count > 0 else { return later }
        var result = self
        result.count = count + later.count
        let n = usableCount + later.usableCount
        if later.usableCount > 0 {
            if usableCount == 0 {
                result.mean = later.mean
                result.m2 = later.m2
            } else {
                // Chan, Golub, LeVeque, "Updating formulae and a pairwise algorithm for computing sample
                // variances" (1979), eq. 2.1b.
                let na = Double(usableCount)
                let nb = Double(later.usableCount)
                let delta = later.mean - mean
                result.mean = mean + delta * nb / Double(n)
                result.m2 = m2 + later.m2 + delta * delta * na * nb / Double(n)
            }
        }
        result.usableCount = n
        if let other = later.minimum, result.minimum == nil || other.value < result.minimum!.value {
            result.minimum = other
        }
        if let other = later.maximum, result.maximum == nil || other.value > result.maximum!.value {
            result.maximum = other
        }
        if result.firstUsable == nil { result.firstUsable = later.firstUsable }
        if let other = later.lastUsable { result.lastUsable = other }
        result.last = later.last
        result.stepIntegral = stepIntegral + later.stepIntegral
        result.linearIntegral = linearIntegral + later.linearIntegral
        result.usableMicroseconds = usableMicroseconds &+ later.usableMicroseconds
        // The span that joins the two: from this one's last sample to the other's first.
        if let previous = last, let next = later.first {
            result.accumulateSpan(from: previous, to: next)
        }
        return result
    }

    /// Merges `later` into this summary.
    public mutating func formMerge(_ later: Summary) {
        self = merge(later)
    }
}
