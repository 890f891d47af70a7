#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The geometry of a simulated rolling-element bearing, from which its defect frequencies follow.
///
/// (Named apart from `Analytics.BearingGeometry`, which diagnoses real bearings, so that code importing both
/// the simulator and the analytics needs no module qualification.)
///
/// The kinematic frequencies (Harris & Kotzalas, *Rolling Bearing Analysis*, 5th ed.; Randall & Antoni,
/// "Rolling element bearing diagnostics — a tutorial", MSSP 25(2), 2011) for a stationary outer ring and shaft
/// frequency `fr`, with `n` rolling elements of diameter `d` on a pitch diameter `D` at contact angle `φ`:
///
///     FTF  = fr/2 · (1 − d/D·cos φ)                 fundamental train (cage) frequency
///     BPFO = n·fr/2 · (1 − d/D·cos φ)               ball pass frequency, outer race
///     BPFI = n·fr/2 · (1 + d/D·cos φ)               ball pass frequency, inner race
///     BSF  = D/(2d) · fr · (1 − (d/D·cos φ)²)       ball spin frequency
///
/// A ball defect strikes both races once per spin, so its impacts repeat at 2·BSF.
public struct SimulatedBearing: Hashable, Sendable {
    /// Number of rolling elements.
    public var rollingElements: Int
    /// Rolling-element diameter, mm.
    public var ballDiameter: Double
    /// Pitch diameter, mm.
    public var pitchDiameter: Double
    /// Contact angle, degrees.
    public var contactAngle: Double

    public init(rollingElements: Int, ballDiameter: Double, pitchDiameter: Double, contactAngle: Double = 0) {
        self.rollingElements = rollingElements
        self.ballDiameter = ballDiameter
        self.pitchDiameter = pitchDiameter
        self.contactAngle = contactAngle
    }

    /// A 6205 deep-groove ball bearing: 9 balls of 7.94 mm on a 39.04 mm pitch circle (BPFO = 3.585 × fr).
    /// The bearing of the Case Western Reserve University bearing data set, the usual reference.
    public static let deepGroove6205 = SimulatedBearing(rollingElements: 9, ballDiameter: 7.94, pitchDiameter: 39.04)
    /// A 6309 deep-groove ball bearing: 8 balls of 17.46 mm on a 72.5 mm pitch circle (BPFO = 3.04 × fr).
    public static let deepGroove6309 = SimulatedBearing(rollingElements: 8, ballDiameter: 17.46, pitchDiameter: 72.5)

    private var ratio: Double { ballDiameter / pitchDiameter * cos(contactAngle * Double.pi / 180) }

    /// Fundamental train (cage) frequency, Hz, at shaft frequency `shaftHz`.
    public func ftf(shaftHz: Double) -> Double { shaftHz / 2 * (1 - ratio) }
    /// Ball pass frequency of the outer race, Hz.
    public func bpfo(shaftHz: Double) -> Double { Double(rollingElements) * shaftHz / 2 * (1 - ratio) }
    /// Ball pass frequency of the inner race, Hz.
    public func bpfi(shaftHz: Double) -> Double { Double(rollingElements) * shaftHz / 2 * (1 + ratio) }
    /// Ball spin frequency, Hz.
    public func bsf(shaftHz: Double) -> Double { pitchDiameter / (2 * ballDiameter) * shaftHz * (1 - ratio * ratio) }
}
