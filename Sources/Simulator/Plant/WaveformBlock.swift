import MillraceCore

/// A block of equally spaced samples: one timestamp for the block and a sample rate, not one timestamp per
/// sample (see docs/adr/0002-timestamp-resolution.md).
public struct WaveformBlock: Hashable, Sendable {
    /// Time of the first sample.
    public var start: Timestamp
    /// Samples per second, Hz.
    public var sampleRate: Double
    /// Unit of the samples: `g` for acceleration, `A` for current.
    public var unit: EngineeringUnit
    public var samples: [Double]

    public init(start: Timestamp, sampleRate: Double, unit: EngineeringUnit, samples: [Double]) {
        self.start = start
        self.sampleRate = sampleRate
        self.unit = unit
        self.samples = samples
    }

    /// Length of the block, s.
    public var duration: Double { Double(samples.count) / sampleRate }

    /// Root mean square of the samples.
    public var rms: Double {
        guard !samples.isEmpty else { return 0 }
        return (samples.reduce(0) { $0 + $1 * $1 } / Double(samples.count)).squareRoot()
    }

    /// Whether two blocks are identical bit for bit (NaN equals NaN here, unlike `==`).
    public func isIdentical(to other: WaveformBlock) -> Bool {
        start == other.start && sampleRate.bitPattern == other.sampleRate.bitPattern && unit == other.unit
            && samples.count == other.samples.count
            && zip(samples, other.samples).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
