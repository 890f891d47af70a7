import MillraceCore

/// A `Summary` of the samples in [start, end) together with the samples around it, which is everything
/// needed to answer every `AggregateKind` for that interval exactly.
///
/// Time-weighting at the boundaries (the same rule whether the summary came from raw samples or from
/// merged rollups):
/// - **[start, first sample)**: the signal between `previous` (the last sample before `start`, at any
///   distance) and the summary's first sample: `previous`'s value held (step), or the line from `previous`
///   to the first sample evaluated at `start` (linear). Without `previous` this time is not covered.
/// - **[first, last sample]**: the summary's own integral.
/// - **[last sample, end)**: the last sample's value held (step), or the line towards `next` (the first
///   sample at or after `end`) evaluated at `end` (linear); held if `next` is unknown or not usable.
/// - An interval without samples is the span from `previous` to `next`, clipped to [start, end).
/// A `previous` or last sample that is not usable starts a gap: that time is neither integrated nor good.
public struct SummaryWindow: Hashable, Sendable {
    public var start: Timestamp
    public var end: Timestamp
    public var summary: Summary
    /// The last sample before `start`, if known.
    public var previous: SignalPoint?
    /// The first sample at or after `end`, if known.
    public var next: SignalPoint?

    public init(start: Timestamp, end: Timestamp, summary: Summary, previous: SignalPoint?, next: SignalPoint?) {
        self.start = start
        self.end = end
        self.summary = summary
        self.previous = previous
        self.next = next
    }

    /// The whole time-weighted signal over [start, end).
    var timeWeighted: TimeWeightedPiece {
        guard let first = summary.first, let last = summary.last else {
            guard let previous else { return TimeWeightedPiece() }
            return TimeWeightedPiece(from: previous, to: next, clippedTo: start, end)
        }
        var piece = TimeWeightedPiece()
        if let previous {
            piece = TimeWeightedPiece(from: previous, to: first, clippedTo: start, first.time)
        }
        var interior = TimeWeightedPiece()
        interior.stepIntegral = summary.stepIntegral
        interior.linearIntegral = summary.linearIntegral
        interior.usableMicroseconds = summary.usableMicroseconds
        return piece + interior + TimeWeightedPiece(from: last, to: next, clippedTo: last.time, end)
    }

    /// Microseconds of [start, end) during which a usable value was in effect.
    public var usableMicroseconds: Int64 { timeWeighted.usableMicroseconds }

    /// The share of [start, end) covered by usable values, 0...100 (0 for an empty interval).
    public var percentGood: Double {
        let (total, overflow) = end.microseconds.subtractingReportingOverflow(start.microseconds)
        guard !overflow, total > 0 else { return 0 }
        return min(100, Double(usableMicroseconds) / Double(total) * 100)
    }

    /// ∫ value dt over the usable time of [start, end), in value·seconds; nil if nothing usable was in effect.
    public func integral(mode: InterpolationMode) -> Double? {
        let piece = timeWeighted
        return piece.usableMicroseconds > 0 ? piece.integral(mode) : nil
    }

    /// The time-weighted average over the usable time of [start, end); nil if nothing usable was in effect.
    public func timeWeightedAverage(mode: InterpolationMode) -> Double? {
        let piece = timeWeighted
        guard piece.usableMicroseconds > 0 else { return nil }
        return piece.integral(mode) / (Double(piece.usableMicroseconds) / 1_000_000)
    }

    /// The value of one aggregate (see `AggregateKind` for each definition).
    public func value(of kind: AggregateKind, mode: InterpolationMode) -> Double? {
        switch kind {
        case .count: return Double(summary.usableCount)
        case .minimum: return summary.minimum?.value
        case .maximum: return summary.maximum?.value
        case .mean: return summary.usableCount > 0 ? summary.mean : nil
        case .timeWeightedAverage: return timeWeightedAverage(mode: mode)
        case .standardDeviation: return summary.standardDeviation
        case .first: return summary.firstUsable?.value
        case .last: return summary.lastUsable?.value
        case .delta:
            guard let first = summary.firstUsable, let last = summary.lastUsable else { return nil }
            return last.value - first.value
        case .integral(let per):
            let seconds = per.secondsDouble
            guard seconds > 0, seconds.isFinite else { return nil }
            return integral(mode: mode).map { $0 / seconds }
        case .percentGood: return percentGood
        case .range:
            guard let minimum = summary.minimum, let maximum = summary.maximum else { return nil }
            return maximum.value - minimum.value
        }
    }

    /// The bucket for one aggregate, with its quality (see `AggregateBucket`).
    public func bucket(_ kind: AggregateKind, options: AggregationOptions) -> AggregateBucket {
        let value = value(of: kind, mode: options.mode)
        let percentGood = percentGood
        let quality: Quality
        switch kind {
        case .count, .percentGood:
            quality = .good
        default:
            if value == nil {
                quality = .bad
            } else if percentGood / 100 >= options.goodCoverage {
                quality = .good
            } else {
                quality = Quality(.uncertain, .subNormal)
            }
        }
        return AggregateBucket(
            start: start, end: end, value: value, count: summary.count, percentGood: percentGood, quality: quality)
    }
}
