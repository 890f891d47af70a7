/// The state of a rotating machine that its vibration depends on: speed, bearing, structure, and the
/// severities of the mechanical faults acting on it. `VibrationSynthesizer` turns it into waveforms and
/// overall values; the plant fills it in from its assets and fault scenarios.
public struct VibrationSource: Hashable, Sendable {
    /// Shaft rotation frequency, Hz (rpm / 60).
    public var shaftFrequency: Double
    /// Geometry of the bearing the defects are in.
    public var bearing: SimulatedBearing
    /// Structural resonance of the bearing housing excited by defect impacts, Hz (typically 2–6 kHz).
    public var resonanceFrequency: Double
    /// Damping ratio of that resonance (0.03–0.1).
    public var resonanceDamping: Double
    /// Healthy 1× vibration velocity, mm/s RMS (a well-balanced machine: 0.5–1.2).
    public var baseline: Double
    /// Impeller vanes or blades (the vane pass frequency is vanes × 1×); 0 for none.
    public var vanes: Int
    /// Supply frequency of the driving motor, Hz, for the 2× line electromagnetic component; 0 for none.
    public var lineFrequency: Double

    /// Fault severities 0…1.
    public var imbalance = 0.0
    public var misalignment = 0.0
    public var looseness = 0.0
    public var lubrication = 0.0
    public var outerRace = 0.0
    public var innerRace = 0.0
    public var ball = 0.0
    /// Cavitation intensity 0…1 (from the pump's NPSH margin, not directly from the fault severity).
    public var cavitation = 0.0

    public init(
        shaftFrequency: Double, bearing: SimulatedBearing = .deepGroove6205, resonanceFrequency: Double = 3_800,
        resonanceDamping: Double = 0.05, baseline: Double = 0.9, vanes: Int = 0, lineFrequency: Double = 60
    ) {
        self.shaftFrequency = shaftFrequency
        self.bearing = bearing
        self.resonanceFrequency = resonanceFrequency
        self.resonanceDamping = resonanceDamping
        self.baseline = baseline
        self.vanes = vanes
        self.lineFrequency = lineFrequency
    }
}
