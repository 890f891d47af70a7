import MillraceCore

/// A block of evenly spaced samples: one start time, a sample rate and the values, the form in which kHz vibration
/// data travels through Millrace (one timestamp per block, see `Timestamp`).
///
/// It is the bridge from historian `Sample`s to the array functions of this target: `init(samples:…)` checks that
/// the block really is one waveform (good quality, numeric, evenly spaced) and says where it is not, so an analysis
/// never silently runs over a gap.
public struct Waveform: Hashable, Sendable {
    /// The time of the first sample.
    public let start: Timestamp
    /// Samples per second.
    public let sampleRate: Double
    public let samples: [Double]
    public let unit: EngineeringUnit

    /// - Throws: `emptyInput`, `nonFiniteSample`, `invalidSampleRate` (also when the block would span more than 10⁹ s).
    public init(
        start: Timestamp, sampleRate: Double, samples: [Double], unit: EngineeringUnit = .none
    ) throws(AnalyticsError) {
        try Validation.requireSignal(samples, "samples")
        try Validation.requireSampleRate(sampleRate)
        guard Double(samples.count) / sampleRate < 1e9 else {
            throw AnalyticsError(
                .invalidSampleRate, "\(samples.count) samples at \(sampleRate) Hz would span more than 10⁹ s")
        }
        self.start = start
        self.sampleRate = sampleRate
        self.samples = samples
        self.unit = unit
    }

    /// A waveform from timestamped samples.
    ///
    /// Every sample must have good quality (uncertain values such as `lastUsableValue` are held copies, which would
    /// fake a flat spectrum) and a finite numeric value. Times must increase evenly: sample j must lie within
    /// 1 µs + 5 % of a period of start + j/fs, which allows for timestamps rounded to whole microseconds (39.0625 µs
    /// at 25.6 kHz). The sample rate is (count − 1)/(last − first time) unless given.
    ///
    /// - Throws: `emptyInput`; `badQuality` naming the first offending sample and its time; `insufficientData` for a
    ///   single sample without a given rate; `irregularSampling` naming the first sample off the grid;
    ///   `invalidSampleRate`.
    public init(samples: [Sample], unit: EngineeringUnit = .none, sampleRate: Double? = nil) throws(AnalyticsError) {
        guard let first = samples.first, let last = samples.last else {
            throw AnalyticsError(.emptyInput, "the block has no samples")
        }
        var values = [Double](repeating: 0, count: samples.count)
        for (index, sample) in samples.enumerated() {
            guard sample.quality.isGood else {
                throw AnalyticsError(
                    .badQuality,
                    "sample \(index) at \(sample.time) has quality \(sample.quality); split the block at the gap")
            }
            guard let value = sample.value.numericValue, value.isFinite else {
                throw AnalyticsError(
                    .badQuality, "sample \(index) at \(sample.time) has the non-numeric value '\(sample.value)'")
            }
            values[index] = value
        }
        let rate: Double
        if let sampleRate {
            try Validation.requireSampleRate(sampleRate)
            rate = sampleRate
        } else {
            guard samples.count >= 2 else {
                throw AnalyticsError(.insufficientData, "one sample has no sample rate; pass sampleRate")
            }
            let span = Double(last.time.microseconds - first.time.microseconds)
            guard span > 0 else {
                throw AnalyticsError(.irregularSampling, "all \(samples.count) samples carry the time \(first.time)")
            }
            rate = Double(samples.count - 1) * 1e6 / span
        }
        let period = 1e6 / rate
        let tolerance = 1 + 0.05 * period
        for (index, sample) in samples.enumerated() {
            let expected = Double(index) * period
            let actual = Double(sample.time.microseconds - first.time.microseconds)
            guard abs(actual - expected) <= tolerance else {
                throw AnalyticsError(
                    .irregularSampling,
                    "sample \(index) is at \(sample.time), \(DecimalFormat.string(actual - expected, places: 1)) µs off "
                        + "the \(DecimalFormat.string(rate, places: 3)) Hz grid that starts at \(first.time)")
            }
        }
        try self.init(start: first.time, sampleRate: rate, samples: values, unit: unit)
    }

    /// The time of sample `index`, rounded to the microsecond; nil outside 0..<samples.count.
    public func time(ofSample index: Int) -> Timestamp? {
        guard samples.indices.contains(index) else { return nil }
        return Timestamp(microseconds: start.microseconds &+ Int64((Double(index) * 1e6 / sampleRate).rounded()))
    }

    /// count / fs: the time the block covers (the last sample's period included).
    public var duration: Duration { .microseconds(Int64((Double(samples.count) * 1e6 / sampleRate).rounded())) }
}
