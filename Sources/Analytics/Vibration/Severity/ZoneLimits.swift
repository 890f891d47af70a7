/// The three zone boundaries of a severity criterion, in mm/s RMS velocity.
///
/// Boundary rule (our decision; the standards draw the boundaries as lines, not intervals): a value exactly at a
/// boundary belongs to the *worse* zone, the conservative choice. Zone A is v < `ab`, B is `ab` ≤ v < `bc`, C is
/// `bc` ≤ v < `cd`, D is v ≥ `cd`.
public struct ZoneLimits: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The A/B boundary in mm/s.
    public let ab: Double
    /// The B/C boundary in mm/s (typically the alarm limit).
    public let bc: Double
    /// The C/D boundary in mm/s (typically the trip limit).
    public let cd: Double

    /// - Throws: `invalidParameter` unless 0 < ab < bc < cd, all finite.
    public init(ab: Double, bc: Double, cd: Double) throws(AnalyticsError) {
        guard ab.isFinite, bc.isFinite, cd.isFinite, ab > 0, ab < bc, bc < cd else {
            throw AnalyticsError(
                .invalidParameter, "zone limits need 0 < A/B < B/C < C/D in mm/s, not \(ab), \(bc), \(cd)")
        }
        self.ab = ab
        self.bc = bc
        self.cd = cd
    }

    init(unchecked ab: Double, _ bc: Double, _ cd: Double) {
        self.ab = ab
        self.bc = bc
        self.cd = cd
    }

    /// The zone of `velocityRMS` (mm/s), boundaries belonging to the worse zone.
    public func zone(of velocityRMS: Double) -> VibrationZone {
        if velocityRMS < ab { return .a }
        if velocityRMS < bc { return .b }
        if velocityRMS < cd { return .c }
        return .d
    }

    /// The interval of a zone in mm/s: (lower, upper), nil for the open end.
    public func range(of zone: VibrationZone) -> (lower: Double?, upper: Double?) {
        switch zone {
        case .a: (nil, ab)
        case .b: (ab, bc)
        case .c: (bc, cd)
        case .d: (cd, nil)
        }
    }

    public var description: String { "A/B \(ab), B/C \(bc), C/D \(cd) mm/s" }

    private enum CodingKeys: String, CodingKey { case ab, bc, cd }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ab = try container.decode(Double.self, forKey: .ab)
        let bc = try container.decode(Double.self, forKey: .bc)
        let cd = try container.decode(Double.self, forKey: .cd)
        do { try self.init(ab: ab, bc: bc, cd: cd) } catch {
            throw DecodingError.dataCorruptedError(forKey: .cd, in: container, debugDescription: error.message)
        }
    }
}
