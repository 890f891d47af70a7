/// The state of an induction motor that its stator current waveform depends on, for motor current signature
/// analysis (MCSA). The plant fills it in from a motor model and its faults.
public struct MotorCurrentSource: Hashable, Sendable {
    /// Supply frequency, Hz.
    public var lineFrequency: Double
    /// Line current, A RMS.
    public var current: Double
    /// Slip (0…1).
    public var slip: Double
    /// Level of the broken-rotor-bar sidebands relative to the line component, dB. A healthy rotor shows
    /// about −55 dB or less; −45 dB suggests a cracked bar, above −35 dB broken bars (Thomson & Fenger 2001).
    public var brokenBarSidebandDB: Double
    /// Phase current unbalance as a fraction; phase A carries the largest current.
    public var phaseUnbalance: Double

    public init(
        lineFrequency: Double, current: Double, slip: Double, brokenBarSidebandDB: Double = -60,
        phaseUnbalance: Double = 0.01
    ) {
        self.lineFrequency = lineFrequency
        self.current = current
        self.slip = slip
        self.brokenBarSidebandDB = brokenBarSidebandDB
        self.phaseUnbalance = phaseUnbalance
    }
}
