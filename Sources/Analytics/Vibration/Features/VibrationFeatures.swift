/// The condition indicators of one acceleration waveform, each with its unit in its name or documentation.
///
/// Time-domain statistics are computed on the de-meaned waveform over the full recorded bandwidth (0 to fs/2):
/// a sensor's DC bias is not vibration. Velocity is integrated from acceleration in the frequency domain over
/// `velocityBand` (ISO 10816: 10–1000 Hz), the quantity the ISO 10816 / 20816 zones are defined on.
public struct VibrationFeatures: Hashable, Sendable, Codable {
    /// The unit of every acceleration value below.
    public var accelerationUnit: AccelerationUnit
    /// √(mean of (a − ā)²).
    public var accelerationRMS: Double
    /// max |a − ā|: the 0-to-peak value ("pk"), the largest excursion either way.
    public var accelerationPeak: Double
    /// max a − min a.
    public var accelerationPeakToPeak: Double
    /// peak / RMS: √2 ≈ 1.41 for a sine, about 3–4 for Gaussian noise, higher for impacts (early bearing damage).
    /// nil when the RMS is 0, or below 10⁻⁹ of the mean (a flat line: often a dead sensor or a disconnected cable).
    public var crestFactor: Double?
    /// m₄/m₂² with central moments m_r (not "excess": 3.0 for Gaussian noise, 1.5 for a sine); > 3 signals impacts.
    /// nil when the RMS is 0.
    public var kurtosis: Double?
    /// m₃/m₂^{3/2}: 0 for symmetric signals; rubbing and clipping make it non-zero. nil when the RMS is 0.
    public var skewness: Double?
    /// RMS velocity in mm/s within `velocityBand`, integrated from acceleration as V(f) = A(f)/(2πf).
    public var velocityRMS: Double
    /// The band of `velocityRMS` in Hz.
    public var velocityBand: FrequencyBand

    public init(
        accelerationUnit: AccelerationUnit, accelerationRMS: Double, accelerationPeak: Double,
        accelerationPeakToPeak: Double, crestFactor: Double?, kurtosis: Double?, skewness: Double?,
        velocityRMS: Double, velocityBand: FrequencyBand
    ) {
        self.accelerationUnit = accelerationUnit
        self.accelerationRMS = accelerationRMS
        self.accelerationPeak = accelerationPeak
        self.accelerationPeakToPeak = accelerationPeakToPeak
        self.crestFactor = crestFactor
        self.kurtosis = kurtosis
        self.skewness = skewness
        self.velocityRMS = velocityRMS
        self.velocityBand = velocityBand
    }
}
