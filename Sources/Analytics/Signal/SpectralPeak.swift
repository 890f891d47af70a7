/// A peak in an amplitude spectrum, located between bins by interpolation.
public struct SpectralPeak: Hashable, Sendable, Codable {
    /// The interpolated frequency in hertz (or order).
    public var frequency: Double
    /// The interpolated amplitude, corrected for the window's scalloping, in the spectrum's scaling.
    public var amplitude: Double
    /// The bin holding the local maximum.
    public var bin: Int
    /// The interpolated position in bins, bin + δ with |δ| ≤ ½.
    public var fractionalBin: Double

    public init(frequency: Double, amplitude: Double, bin: Int, fractionalBin: Double) {
        self.frequency = frequency
        self.amplitude = amplitude
        self.bin = bin
        self.fractionalBin = fractionalBin
    }
}
