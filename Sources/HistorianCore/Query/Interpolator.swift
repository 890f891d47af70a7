import MillraceCore

/// Values at arbitrary times from sorted samples: PI's interpolated values (`InterpolatedValues`, "plot at
/// time").
///
/// At time `t`, with `p` the last sample at or before `t` (the last of equal times) and `q` the first
/// sample after `t`:
/// - no `p` (before the first sample): no value, `Quality(.bad, .waitingForInitialData)`;
/// - `p.time == t`: exactly `p`'s value and quality (interpolating at a sample time returns the sample);
/// - `p` bad, or its value NaN/infinite: inside a gap, no value, `p`'s quality (`.bad` if it was not bad);
/// - step mode, or a non-numeric value: `p`'s value and quality held;
/// - linear mode with `q` usable (not bad, finite): the straight line, as `.double`, with the worse of the
///   two qualities; with `q` bad or not numeric: `p`'s value held with `p`'s quality (a value is never
///   interpolated towards a bad one, as for time-weighted aggregates);
/// - no `q` (after the last sample): `p`'s value held with at best `Quality(.uncertain, .lastUsableValue)`
///   for up to `maxExtrapolation`; further on no value, `Quality(.bad, .lastUsableValue)`.
///
/// Uncertain neighbours are used and make the result uncertain; only bad ones make gaps.
public struct Interpolator: Hashable, Sendable {
    public var mode: InterpolationMode
    /// How long after the last sample its value is still given (uncertain). 8 hours by default: PI's
    /// default `CompMax`, the longest a compressed archive goes without a value when the source is alive.
    public var maxExtrapolation: Duration

    public static let defaultMaxExtrapolation = Duration.seconds(8 * 3600)

    public init(mode: InterpolationMode, maxExtrapolation: Duration = Interpolator.defaultMaxExtrapolation) {
        self.mode = mode
        self.maxExtrapolation = maxExtrapolation
    }

    /// The value at `time` from `samples`, which must be sorted by time (binary search, O(log n)).
    public func value(at time: Timestamp, in samples: some RandomAccessCollection<Sample>) -> InterpolatedValue {
        // The first index whose time is after `time`.
        var low = samples.startIndex
        var count = samples.count
        while count > 0 {
            let half = count / 2
            let middle = samples.index(low, offsetBy: half)
            if samples[middle].time <= time {
                low = samples.index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        let next = low == samples.endIndex ? nil : samples[low]
        let previous = low == samples.startIndex ? nil : samples[samples.index(before: low)]
        return value(at: time, previous: previous, next: next)
    }

    /// The values at each of `times` (in any order) from sorted `samples`.
    public func values(at times: some Sequence<Timestamp>, in samples: some RandomAccessCollection<Sample>)
        -> [InterpolatedValue]
    {
        times.map { value(at: $0, in: samples) }
    }

    /// Values at `start`, `start + interval`, … up to and including `end` (PI's interpolated values
    /// include both ends when the interval divides the range).
    public func values(
        from start: Timestamp, through end: Timestamp, every interval: Duration,
        in samples: some RandomAccessCollection<Sample>
    ) throws(HistorianQueryError) -> [InterpolatedValue] {
        let step = interval.microseconds
        guard step > 0 else {
            throw HistorianQueryError(.nonPositiveInterval, "the interval must be at least 1 µs, not \(interval)")
        }
        guard end >= start else {
            throw HistorianQueryError(.emptyRange, "the end \(end) is before the start \(start)")
        }
        let (span, overflow) = end.microseconds.subtractingReportingOverflow(start.microseconds)
        guard !overflow, span / step < Int64(HistorianQueryError.maximumPoints) else {
            throw HistorianQueryError(.tooManyPoints, "more than \(HistorianQueryError.maximumPoints) values")
        }
        let times = (0...(span / step)).lazy.map { Timestamp(microseconds: start.microseconds &+ $0 &* step) }
        return values(at: times, in: samples)
    }

    /// The value at `time` given its neighbours: `previous` at or before `time`, `next` after it.
    public func value(at time: Timestamp, previous: Sample?, next: Sample?) -> InterpolatedValue {
        guard let p = previous, p.time <= time else {
            return InterpolatedValue(time: time, value: nil, quality: .waitingForInitialData)
        }
        if p.time == time {
            return InterpolatedValue(time: time, value: p.value, quality: p.quality)
        }
        let pNumber = p.value.numericValue
        if p.quality.isBad || (pNumber.map { !$0.isFinite } ?? false) {
            return InterpolatedValue(time: time, value: nil, quality: p.quality.isBad ? p.quality : .bad)
        }
        guard let q = next, q.time > time else {
            let age = time.microseconds &- p.time.microseconds
            guard age <= maxExtrapolation.microseconds else {
                return InterpolatedValue(time: time, value: nil, quality: Quality(.bad, .lastUsableValue))
            }
            let quality = p.quality.severity == .good ? Quality.lastUsableValue : p.quality
            return InterpolatedValue(time: time, value: p.value, quality: quality)
        }
        guard mode == .linear, let a = pNumber, p.value.kind.isAnalog, let b = q.value.numericValue, b.isFinite,
            !q.quality.isBad
        else {
            return InterpolatedValue(time: time, value: p.value, quality: p.quality)
        }
        let fraction =
            Double(time.microseconds &- p.time.microseconds) / Double(q.time.microseconds &- p.time.microseconds)
        let quality = q.quality.severity > p.quality.severity ? q.quality : p.quality
        return InterpolatedValue(time: time, value: .double(a + (b - a) * fraction), quality: quality)
    }
}
