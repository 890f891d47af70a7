import MillraceCore

/// Swinging-door compression of an archive (Bristol 1990; AVEVA PI's `CompDev`/`CompMax`).
///
/// Between two archived samples A and B of an analog tag, every dropped sample lies within ±`deviation`
/// of the straight line from A to B, so linear interpolation of the archive reproduces the original within
/// the deviation. How: after the last archived sample A, each received sample i narrows the "doors", the
/// range of slopes from A that pass within ±deviation of it:
/// [(vᵢ − dev − v_A) / (tᵢ − t_A), (vᵢ + dev − v_A) / (tᵢ − t_A)].
/// The latest received sample (the snapshot, H) is kept back. When a new sample P arrives and the line A→P
/// does not fit through the doors of every sample since A (H included), H is archived and becomes A.
///
/// Also archived at once:
/// - on a change of quality, and for samples that are not finite analog numbers (bad placeholders, NaN,
///   booleans, strings): such values are archived when the value or quality changes, as step data
///   (compression tolerances do not apply to steps); when this ends a sloped analog segment, its snapshot
///   is archived first;
/// - the snapshot, when the next sample arrives more than `maxTime` after A (archived samples are at most
///   `maxTime` apart while data keeps coming);
/// - a sample at the same time as A (the storage then keeps the later one, see `DuplicatePolicy`).
/// A sample earlier than the snapshot is passed through unchanged.
///
/// `flush()` archives the snapshot, which PI also holds in memory until the next value: the storage engine
/// should answer queries with the archive plus `pending`. Off unless configured for the tag.
public struct SwingingDoorCompressor: Sendable {
    public let deviation: Double
    public let maxTime: Duration
    private var archived: Sample?
    private var snapshot: Sample?
    /// The narrowest slope range (value per µs) from `archived` through every sample dropped since it.
    private var lower = -Double.infinity
    private var upper = Double.infinity

    /// `deviation` ≥ 0 in the tag's units (0 drops only collinear samples); `maxTime` > 0.
    public init(deviation: Double, maxTime: Duration) throws(HistorianQueryError) {
        guard deviation.isFinite, deviation >= 0 else {
            throw HistorianQueryError(
                .invalidParameter, "the compression deviation must be a number ≥ 0, not \(deviation)")
        }
        guard maxTime.microseconds > 0 else {
            throw HistorianQueryError(.nonPositiveInterval, "the compression max time must be positive, not \(maxTime)")
        }
        self.deviation = deviation
        self.maxTime = maxTime
    }

    /// The snapshot: received, not archived yet.
    public var pending: Sample? { snapshot }

    /// Offers the next sample; returns the samples to archive, in time order.
    public mutating func offer(_ sample: Sample) -> [Sample] {
        var output: [Sample] = []
        process(sample, into: &output)
        return output
    }

    /// Archives the snapshot, if any.
    public mutating func flush() -> [Sample] {
        guard let snapshot else { return [] }
        archive(snapshot)
        return [snapshot]
    }

    private mutating func archive(_ sample: Sample) {
        archived = sample
        snapshot = nil
        lower = -.infinity
        upper = .infinity
    }

    /// A finite number of an analog value that is not bad.
    private static func number(_ sample: Sample) -> Double? {
        guard sample.value.kind.isAnalog, !sample.quality.isBad, let value = sample.value.numericValue,
            value.isFinite
        else { return nil }
        return value
    }

    private mutating func process(_ sample: Sample, into output: inout [Sample]) {
        guard let a = archived else {
            archive(sample)
            output.append(sample)
            return
        }
        if sample.time < (snapshot ?? a).time {
            output.append(sample)
            return
        }
        let elapsed = sample.time.microseconds &- a.time.microseconds
        guard elapsed > 0 else {
            archive(sample)
            output.append(sample)
            return
        }
        guard let va = Self.number(a), let vp = Self.number(sample), sample.quality == a.quality else {
            // Steps: quality changes, non-numeric values, bad values.
            if sample.quality != a.quality || !sample.value.isIdentical(to: a.value)
                || elapsed > maxTime.microseconds
            {
                // After an analog A the snapshot ends a sloped segment and is kept; after a step it only
                // repeats A's value, which holds anyway.
                if let snapshot, Self.number(a) != nil { output.append(snapshot) }
                archive(sample)
                output.append(sample)
            } else {
                snapshot = sample
            }
            return
        }
        guard let h = snapshot else {
            snapshot = sample
            return
        }
        if elapsed > maxTime.microseconds {
            output.append(h)
            archive(h)
            process(sample, into: &output)
            return
        }
        // The doors of H (h.time > a.time, since a snapshot is never at A's time).
        let vh = Self.number(h) ?? va
        let dh = Double(h.time.microseconds &- a.time.microseconds)
        let newLower = max(lower, (vh - deviation - va) / dh)
        let newUpper = min(upper, (vh + deviation - va) / dh)
        let slope = (vp - va) / Double(elapsed)
        if slope >= newLower, slope <= newUpper {
            lower = newLower
            upper = newUpper
            snapshot = sample
        } else {
            output.append(h)
            archive(h)
            process(sample, into: &output)
        }
    }
}
