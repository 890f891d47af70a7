/// The one-sided power spectral density of a real signal by Welch's method of averaged, overlapped, windowed
/// periodograms (Welch, IEEE Trans. Audio Electroacoust. 15(2), 1967), in (signal unit)²/Hz.
///
/// The signal is cut into segments of L samples that start every L − ⌊overlap·L⌋ samples; each segment is
/// (optionally) de-meaned, windowed and transformed, and
///
///     P[k] = c_k · |X[k]|² / (fs · Σw²),   c_k = 1 for k = 0 and k = L/2 (even L), 2 otherwise,
///
/// is averaged over segments. With this scaling Σ_k P[k]·Δf equals the mean square of the signal (Parseval), for
/// every window; `meanSquare(in:)` integrates a band. Samples after the last whole segment are not used.
public struct PowerSpectralDensity: Hashable, Sendable {
    public let sampleRate: Double
    /// L, the samples per segment; the bin spacing is fs/L.
    public let segmentLength: Int
    /// How many segments were averaged; the relative standard deviation of each bin is about 1/√segmentCount.
    public let segmentCount: Int
    public let window: WindowKind
    /// P[0]...P[L/2] in unit²/Hz.
    public let density: [Double]

    /// - Parameters:
    ///   - segmentLength: L; longer segments give finer resolution and fewer averages.
    ///   - overlap: the fraction of a segment shared with the next, in [0, 1); 0.5 is usual for Hann.
    ///   - removeMean: subtract each segment's mean before windowing (SciPy's `detrend='constant'`).
    /// - Throws: `emptyInput`, `nonFiniteSample`, `invalidSampleRate`, `invalidParameter` (segment length < 2 or
    ///   overlap outside [0, 1)), `insufficientData` when the signal is shorter than one segment.
    public init(
        signal: [Double], sampleRate: Double, segmentLength: Int, overlap: Double = 0.5, window: WindowKind = .hann,
        removeMean: Bool = true
    ) throws(AnalyticsError) {
        try Validation.requireSignal(signal)
        try Validation.requireSampleRate(sampleRate)
        guard segmentLength >= 2 else {
            throw AnalyticsError(.invalidParameter, "segmentLength is \(segmentLength); it must be at least 2")
        }
        guard overlap.isFinite, overlap >= 0, overlap < 1 else {
            throw AnalyticsError(.invalidParameter, "overlap is \(overlap); it must be in [0, 1)")
        }
        guard signal.count >= segmentLength else {
            throw AnalyticsError(
                .insufficientData, "the signal has \(signal.count) samples, fewer than one segment of \(segmentLength)")
        }
        let step = max(1, segmentLength - Int((overlap * Double(segmentLength)).rounded(.down)))
        let plan = try RealFFTPlan(count: segmentLength)
        let windowValues = try Window(window, count: segmentLength)
        var sum = [Double](repeating: 0, count: plan.binCount)
        var segment = [Double](repeating: 0, count: segmentLength)
        var segments = 0
        var start = 0
        while start + segmentLength <= signal.count {
            for j in 0..<segmentLength { segment[j] = signal[start + j] }
            if removeMean { Statistics.subtractMean(&segment) }
            windowValues.multiply(&segment)
            let bins = segment.withUnsafeBufferPointer { plan.forwardUnchecked($0) }
            for k in 0..<bins.count {
                sum[k] += bins.real[k] * bins.real[k] + bins.imaginary[k] * bins.imaginary[k]
            }
            segments += 1
            start += step
        }
        let base = 1 / (sampleRate * windowValues.sumOfSquares * Double(segments))
        for k in sum.indices {
            let isEdge = k == 0 || (segmentLength % 2 == 0 && k == segmentLength / 2)
            sum[k] *= isEdge ? base : 2 * base
        }
        self.sampleRate = sampleRate
        self.segmentLength = segmentLength
        self.segmentCount = segments
        self.window = window
        self.density = sum
    }

    /// The bin spacing fs/L in hertz.
    public var frequencyResolution: Double { sampleRate / Double(segmentLength) }

    /// k·fs/L.
    public func frequency(ofBin bin: Int) -> Double { Double(bin) * frequencyResolution }

    /// Σ P[k]·Δf over the bins inside `band`: the mean square (RMS²) of the signal's content in the band.
    public func meanSquare(in band: FrequencyBand) -> Double {
        var total = 0.0
        for k in density.indices where band.contains(frequency(ofBin: k)) { total += density[k] }
        return total * frequencyResolution
    }
}
