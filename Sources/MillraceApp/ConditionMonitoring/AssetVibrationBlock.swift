import Analytics
import MillraceCore

/// One vibration measurement of a rotating asset, as the condition monitor needs it: radial and axial acceleration
/// blocks (g) taken at the same time, the running speed, and the bearing installed where the sensor sits.
public struct AssetVibrationBlock: Sendable {
    public var asset: AssetPath
    public var time: Timestamp
    public var radial: [Double]
    public var axial: [Double]?
    public var sampleRate: Double
    /// Shaft speed in Hz when the block was taken.
    public var shaftFrequency: Double
    /// Where the sensor is ("drive end").
    public var location: String
    public var bearing: BearingCatalogueEntry?
    /// The drive motor's stator current taken with the block, when there is a motor and a current sensor.
    public var current: MotorCurrentBlock?

    public init(
        asset: AssetPath, time: Timestamp, radial: [Double], axial: [Double]?, sampleRate: Double, shaftFrequency: Double,
        location: String, bearing: BearingCatalogueEntry?, current: MotorCurrentBlock? = nil
    ) {
        self.current = current
        self.asset = asset
        self.time = time
        self.radial = radial
        self.axial = axial
        self.sampleRate = sampleRate
        self.shaftFrequency = shaftFrequency
        self.location = location
        self.bearing = bearing
    }
}

/// A motor's stator current with a vibration block: a phase A waveform for motor current signature analysis
/// (rotor bars) and the three phase currents (unbalance).
public struct MotorCurrentBlock: Sendable {
    /// Phase A current, A.
    public var samples: [Double]
    public var sampleRate: Double
    /// Supply frequency, Hz.
    public var lineFrequency: Double
    /// Slip (0…1) when the block was taken.
    public var slip: Double
    /// The three phase currents (RMS, A).
    public var phases: [Double]

    public init(samples: [Double], sampleRate: Double, lineFrequency: Double, slip: Double, phases: [Double]) {
        self.samples = samples
        self.sampleRate = sampleRate
        self.lineFrequency = lineFrequency
        self.slip = slip
        self.phases = phases
    }
}

/// Where the condition monitor gets its blocks: the plant simulator, later a vibration input.
public protocol VibrationBlockSource: Sendable {
    /// A block of every monitored asset that is running now.
    func vibrationBlocks() async -> [AssetVibrationBlock]
}
