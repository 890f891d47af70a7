/// The single-sided amplitude spectrum of a real signal, bins 0...N/2, corrected for the window's coherent gain.
///
/// For N samples x[j], window w and X = DFT(w·x), the amplitude of bin k is
///
///     A[k] = c_k · |X[k]| / Σw,   c_k = 1 for k = 0 and for k = N/2 (even N), c_k = 2 otherwise (peak scaling),
///
/// and A[k]/√2 for k ≠ 0 with RMS scaling. A tone centred on a bin therefore reads its true amplitude with any
/// window; a tone between bins reads low by at most the window's scalloping loss (`Window.worstCaseScallopingLoss`),
/// which `peak(near:tolerance:)` and `peaks(maximumCount:minimumAmplitude:)` correct by interpolation.
///
/// The spectrum of an angle-domain signal (`AngleDomainSignal.orderSpectrum`) uses the same type: there
/// `sampleRate` is samples per revolution and every "frequency" is an order (multiple of shaft speed).
public struct AmplitudeSpectrum: Hashable, Sendable {
    /// Samples per second (or per revolution for order spectra).
    public let sampleRate: Double
    /// N, the number of samples transformed.
    public let sampleCount: Int
    public let window: WindowKind
    public let scaling: AmplitudeScaling
    /// A[0]...A[N/2], in the unit of the signal.
    public let amplitudes: [Double]

    /// Computes the spectrum of `signal`.
    ///
    /// - Parameters:
    ///   - removeMean: subtract the mean first, so a sensor's DC offset does not leak into the low bins.
    /// - Throws: `emptyInput`, `nonFiniteSample`, `invalidSampleRate`.
    public init(
        signal: [Double], sampleRate: Double, window: WindowKind = .hann, scaling: AmplitudeScaling = .peak,
        removeMean: Bool = false
    ) throws(AnalyticsError) {
        try Validation.requireSignal(signal)
        try Validation.requireSampleRate(sampleRate)
        let plan = try RealFFTPlan(count: signal.count)
        let windowValues = try Window(window, count: signal.count)
        var input = signal
        if removeMean { Statistics.subtractMean(&input) }
        windowValues.multiply(&input)
        let bins = try plan.forward(input)
        self.init(bins: bins, sampleRate: sampleRate, window: windowValues, scaling: scaling)
    }

    /// Scales the raw bins of a windowed real FFT.
    init(bins: ComplexSignal, sampleRate: Double, window: Window, scaling: AmplitudeScaling) {
        let n = window.count
        var result = bins.magnitudes
        let rmsFactor = scaling == .rms ? 1 / 2.squareRoot() : 1
        let dc = 1 / window.sum
        let nyquist = rmsFactor / window.sum
        let interior = 2 * rmsFactor / window.sum
        for k in result.indices {
            if k == 0 {
                result[k] *= dc  // the mean: the same in both scalings
            } else if n % 2 == 0 && k == n / 2 {
                result[k] *= nyquist  // the only bin of a tone at fs/2, which has no mirror image
            } else {
                result[k] *= interior  // the positive-frequency half of the tone's energy
            }
        }
        self.init(
            sampleRate: sampleRate, sampleCount: n, window: window.kind, scaling: scaling, amplitudes: result)
    }

    init(sampleRate: Double, sampleCount: Int, window: WindowKind, scaling: AmplitudeScaling, amplitudes: [Double]) {
        self.sampleRate = sampleRate
        self.sampleCount = sampleCount
        self.window = window
        self.scaling = scaling
        self.amplitudes = amplitudes
    }

    /// The bin spacing fs/N in hertz (or orders).
    public var frequencyResolution: Double { sampleRate / Double(sampleCount) }

    /// The highest frequency, fs/2 for even N.
    public var maximumFrequency: Double { frequency(ofBin: amplitudes.count - 1) }

    /// k·fs/N.
    public func frequency(ofBin bin: Int) -> Double { Double(bin) * frequencyResolution }

    /// The bin whose centre is nearest to `frequency`, clamped to the spectrum.
    public func bin(nearestTo frequency: Double) -> Int {
        guard frequency.isFinite else { return 0 }
        let raw = (frequency / frequencyResolution).rounded()
        return Int(min(max(raw, 0), Double(amplitudes.count - 1)))
    }

    /// The frequencies of all bins, for plotting.
    public var frequencies: [Double] { amplitudes.indices.map(frequency(ofBin:)) }
}
