/// How an amplitude spectrum reports a tone x(t) = A·sin(2πft).
public enum AmplitudeScaling: String, Hashable, Sendable, Codable, CaseIterable {
    /// The tone reads A ("0-to-peak", "pk"): what most vibration analysers show for acceleration spectra.
    case peak
    /// The tone reads A/√2 ("RMS"): the convention of ISO 10816 velocity severity.
    /// The DC bin reads the mean in both scalings, since the RMS of a constant is the constant.
    case rms
}
