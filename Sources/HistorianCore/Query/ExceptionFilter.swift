import MillraceCore

/// Exception reporting at the source, as AVEVA PI interfaces do it (`ExcDev`, `ExcMax`): a new value is
/// passed on only when it differs enough from the last one passed on, or when too long has passed.
///
/// For each offered sample `s`, with `r` the last reported sample:
/// - the very first sample is reported;
/// - `s` is reported if its quality differs from `r`'s, if `s.time − r.time ≥ maxTime`, or if its value
///   deviates: `|s − r| > deviation` for two finite numbers, any change (bit for bit) otherwise (booleans,
///   strings, NaN);
/// - when `s` is reported, the sample received just before it is reported first if it was held back, so
///   the archive sees where the change started (PI sends this "previous value" too);
/// - a sample earlier than the last one received is passed through unchanged and does not change state.
///
/// `flush()` reports the held-back sample, if any. Off unless configured for the tag.
public struct ExceptionFilter: Sendable {
    public let deviation: Double
    public let maxTime: Duration
    private var reported: Sample?
    private var held: Sample?

    /// `deviation` ≥ 0 in the tag's units (0 passes every change); `maxTime` > 0.
    public init(deviation: Double, maxTime: Duration) throws(HistorianQueryError) {
        guard deviation.isFinite, deviation >= 0 else {
            throw HistorianQueryError(
                .invalidParameter, "the exception deviation must be a number ≥ 0, not \(deviation)")
        }
        guard maxTime.microseconds > 0 else {
            throw HistorianQueryError(.nonPositiveInterval, "the exception max time must be positive, not \(maxTime)")
        }
        self.deviation = deviation
        self.maxTime = maxTime
    }

    /// The sample received but not (yet) reported.
    public var pending: Sample? { held }

    /// Offers the next sample; returns the samples to pass on, in time order (zero, one or two).
    public mutating func offer(_ sample: Sample) -> [Sample] {
        guard let last = reported else {
            reported = sample
            return [sample]
        }
        if sample.time < (held ?? last).time { return [sample] }
        let elapsed = sample.time.microseconds &- last.time.microseconds
        let passes =
            sample.quality != last.quality || elapsed >= maxTime.microseconds
            || Self.deviates(sample.value, from: last.value, by: deviation)
        guard passes else {
            held = sample
            return []
        }
        var output: [Sample] = []
        if let held { output.append(held) }
        output.append(sample)
        reported = sample
        held = nil
        return output
    }

    /// Reports the held-back sample, if any.
    public mutating func flush() -> [Sample] {
        guard let held else { return [] }
        reported = held
        self.held = nil
        return [held]
    }

    static func deviates(_ value: DataValue, from reference: DataValue, by deviation: Double) -> Bool {
        if value.kind.isAnalog, reference.kind.isAnalog, let a = value.numericValue, let b = reference.numericValue,
            a.isFinite, b.isFinite
        {
            return abs(a - b) > deviation
        }
        return !value.isIdentical(to: reference)
    }
}
