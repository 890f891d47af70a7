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

    public init(
        asset: AssetPath, time: Timestamp, radial: [Double], axial: [Double]?, sampleRate: Double, shaftFrequency: Double,
        location: String, bearing: BearingCatalogueEntry?
    ) {
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

/// Where the condition monitor gets its blocks: the plant simulator, later a vibration input.
public protocol VibrationBlockSource: Sendable {
    /// A block of every monitored asset that is running now.
    func vibrationBlocks() async -> [AssetVibrationBlock]
}
