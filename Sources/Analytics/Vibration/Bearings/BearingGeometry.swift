#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinematic geometry of a rolling-element bearing: all that its defect frequencies depend on.
///
/// For a bearing with n rolling elements of diameter d on a pitch diameter D with contact angle α, the inner
/// ring turning at f_r and the outer ring fixed (Harris & Kotzalas, *Rolling Bearing Analysis*, 5th ed., §8;
/// Randall & Antoni, "Rolling element bearing diagnostics — a tutorial", MSSP 25(2), 2011, eqs. 1–4):
///
///     FTF  = f_r/2 · (1 − (d/D)·cos α)                  cage (fundamental train)
///     BPFO = n·f_r/2 · (1 − (d/D)·cos α)                ball pass, outer race
///     BPFI = n·f_r/2 · (1 + (d/D)·cos α)                ball pass, inner race
///     BSF  = D/(2d)·f_r · (1 − ((d/D)·cos α)²)          ball spin
///
/// A defect on a rolling element strikes both races, so it usually shows at 2 × BSF. Real bearings slip 1–2 %, so
/// measured lines sit slightly below these values; search with a tolerance (`AmplitudeSpectrum.peak(near:tolerance:)`).
/// For double-row bearings give the elements of one row.
public struct BearingGeometry: Hashable, Sendable, Codable {
    /// n, the rolling elements (per row).
    public let rollingElementCount: Int
    /// d in mm.
    public let rollingElementDiameter: Double
    /// D in mm, the diameter of the circle through the elements' centres.
    public let pitchDiameter: Double
    /// α in degrees; 0 for deep-groove ball bearings under radial load.
    public let contactAngle: Double

    /// - Throws: `invalidParameter` unless n ≥ 1, 0 < d < D (finite) and 0 ≤ α < 90°.
    public init(
        rollingElementCount: Int, rollingElementDiameter: Double, pitchDiameter: Double, contactAngle: Double = 0
    ) throws(AnalyticsError) {
        guard rollingElementCount >= 1 else {
            throw AnalyticsError(.invalidParameter, "rollingElementCount is \(rollingElementCount); it must be ≥ 1")
        }
        guard rollingElementDiameter.isFinite, pitchDiameter.isFinite, rollingElementDiameter > 0,
            rollingElementDiameter < pitchDiameter
        else {
            throw AnalyticsError(
                .invalidParameter,
                "need 0 < rollingElementDiameter < pitchDiameter (mm), not \(rollingElementDiameter) and \(pitchDiameter)")
        }
        guard contactAngle.isFinite, contactAngle >= 0, contactAngle < 90 else {
            throw AnalyticsError(.invalidParameter, "contactAngle is \(contactAngle)°; it must be in [0, 90)")
        }
        self.rollingElementCount = rollingElementCount
        self.rollingElementDiameter = rollingElementDiameter
        self.pitchDiameter = pitchDiameter
        self.contactAngle = contactAngle
    }

    init(unchecked count: Int, _ ball: Double, _ pitch: Double) {
        rollingElementCount = count
        rollingElementDiameter = ball
        pitchDiameter = pitch
        contactAngle = 0
    }

    /// The defect frequencies in Hz for a shaft turning at `shaftFrequency` Hz.
    /// - Throws: `invalidParameter` for a negative or non-finite speed.
    public func defectFrequencies(shaftFrequency: Double) throws(AnalyticsError) -> BearingDefectFrequencies {
        guard shaftFrequency.isFinite, shaftFrequency >= 0 else {
            throw AnalyticsError(.invalidParameter, "the shaft speed is \(shaftFrequency) Hz; it must be finite and ≥ 0")
        }
        let ratio = rollingElementDiameter / pitchDiameter * cos(contactAngle * Double.pi / 180)
        let n = Double(rollingElementCount)
        return BearingDefectFrequencies(
            shaftFrequency: shaftFrequency,
            ftf: shaftFrequency / 2 * (1 - ratio),
            bpfo: n * shaftFrequency / 2 * (1 - ratio),
            bpfi: n * shaftFrequency / 2 * (1 + ratio),
            bsf: pitchDiameter / (2 * rollingElementDiameter) * shaftFrequency * (1 - ratio * ratio))
    }

    /// The defect frequencies for a shaft speed in revolutions per minute.
    public func defectFrequencies(rpm: Double) throws(AnalyticsError) -> BearingDefectFrequencies {
        try defectFrequencies(shaftFrequency: rpm / 60)
    }

    /// The defect frequencies as orders (multiples of shaft speed), independent of speed.
    public var defectOrders: BearingDefectFrequencies {
        // Cannot throw: 1 Hz is a valid speed.
        (try? defectFrequencies(shaftFrequency: 1)) ?? BearingDefectFrequencies(
            shaftFrequency: 1, ftf: 0, bpfo: 0, bpfi: 0, bsf: 0)
    }

    private enum CodingKeys: String, CodingKey {
        case rollingElementCount, rollingElementDiameter, pitchDiameter, contactAngle
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                rollingElementCount: try container.decode(Int.self, forKey: .rollingElementCount),
                rollingElementDiameter: try container.decode(Double.self, forKey: .rollingElementDiameter),
                pitchDiameter: try container.decode(Double.self, forKey: .pitchDiameter),
                contactAngle: try container.decodeIfPresent(Double.self, forKey: .contactAngle) ?? 0)
        } catch let error as AnalyticsError {
            throw DecodingError.dataCorruptedError(
                forKey: .rollingElementCount, in: container, debugDescription: error.message)
        }
    }
}
