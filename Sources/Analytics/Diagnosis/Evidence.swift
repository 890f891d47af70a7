/// One measured fact behind a finding: what was measured, where in the spectrum, how big it is, and what it was
/// compared with.
///
/// "Envelope spectrum peak at 107.4 Hz = 3.58× = BPFO, 0.052 g against baseline 0.004 g (ratio 13.0)". A finding
/// without evidence is a score nobody can check (USERS.md); every diagnoser lists the numbers it used.
public struct Evidence: Hashable, Sendable, Codable {
    /// What was measured ("envelope spectrum peak, 2000–6000 Hz band", "radial velocity spectrum").
    public var measurement: String
    /// What the value was expected to be ("BPFO of 6205", "2×", "FTF sideband"), or empty.
    public var label: String
    /// Frequency in Hz, when the evidence is a spectral line.
    public var frequency: Double?
    /// The same frequency as a multiple of running speed (orders), when the speed is known.
    public var order: Double?
    /// The measured value.
    public var value: Double
    /// The unit of `value` and `reference` ("g", "mm/s RMS", "°C", "%", "dB").
    public var unit: String
    /// The value it is compared with, if any.
    public var reference: Double?
    /// Where `reference` comes from ("baseline 'pump-1 commissioning'", "local noise floor", "NEMA MG-1 limit").
    public var referenceSource: String

    public init(
        measurement: String, label: String = "", frequency: Double? = nil, order: Double? = nil, value: Double,
        unit: String, reference: Double? = nil, referenceSource: String = ""
    ) {
        self.measurement = measurement
        self.label = label
        self.frequency = frequency
        self.order = order
        self.value = value
        self.unit = unit
        self.reference = reference
        self.referenceSource = referenceSource
    }

    /// value / reference, when the reference is positive.
    public var ratio: Double? {
        guard let reference, reference > 0, reference.isFinite, value.isFinite else { return nil }
        return value / reference
    }

    /// One line for people, e.g. "envelope spectrum peak at 107.38 Hz (3.58× running speed) = BPFO of 6205:
    /// 0.052 g against local noise floor 0.004 g (13.0×)".
    public var summary: String {
        var text = measurement
        if let frequency {
            text += " at \(DecimalFormat.string(frequency)) Hz"
            if let order { text += " (\(DecimalFormat.string(order))× running speed)" }
        }
        if !label.isEmpty { text += " = \(label)" }
        let suffix = unit.isEmpty ? "" : " \(unit)"
        text += ": \(Evidence.format(value))\(suffix)"
        if let reference {
            text += " against \(referenceSource.isEmpty ? "reference" : referenceSource) \(Evidence.format(reference))\(suffix)"
            if let ratio { text += " (\(DecimalFormat.string(ratio, places: 1))×)" }
        }
        return text
    }

    /// Three significant digits without Foundation: 0.0523, 1.23, 107.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 100 { return DecimalFormat.string(value, places: 0) }
        if magnitude >= 10 { return DecimalFormat.string(value, places: 1) }
        if magnitude >= 1 { return DecimalFormat.string(value, places: 2) }
        var places = 2
        var scaled = magnitude
        while scaled < 0.1 && places < 12 {
            scaled *= 10
            places += 1
        }
        return DecimalFormat.string(value, places: places)
    }
}
