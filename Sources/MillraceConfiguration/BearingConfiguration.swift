/// A rolling bearing's geometry by designation, adding to or overriding the built-in bearing catalogue
/// (`Analytics.BearingCatalogue`): the numbers the defect frequencies are computed from. Take them from the
/// manufacturer's data sheet — ball complements differ between makers of the same designation.
///
/// ```yaml
/// bearings:
///   - designation: "22210 E"
///     rollingElements: 17
///     ballDiameter: 11.2      # mm (roller diameter for roller bearings)
///     pitchDiameter: 70.0     # mm
///     contactAngle: 9.0       # degrees, default 0
///     source: SKF data sheet
/// ```
public struct BearingConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var designation: String
    /// Number of balls or rollers in one row.
    public var rollingElements: Int
    /// Ball or roller diameter, mm.
    public var ballDiameter: Double
    /// Pitch diameter (centre of the rolling elements), mm.
    public var pitchDiameter: Double
    /// Contact angle, degrees (0 for a deep-groove ball bearing under radial load).
    public var contactAngle: Double
    /// Where the numbers come from; shown next to every defect frequency computed from them.
    public var source: String?

    public enum Keys: String, CodingKey, CaseIterable {
        case designation, rollingElements, ballDiameter, pitchDiameter, contactAngle, source
    }

    public init(
        designation: String, rollingElements: Int, ballDiameter: Double, pitchDiameter: Double, contactAngle: Double = 0,
        source: String? = nil
    ) {
        self.designation = designation
        self.rollingElements = rollingElements
        self.ballDiameter = ballDiameter
        self.pitchDiameter = pitchDiameter
        self.contactAngle = contactAngle
        self.source = source
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        designation = try container.decode(String.self, forKey: .designation, check: nonEmptyName)
        rollingElements = try container.decode(Int.self, forKey: .rollingElements) { count in
            (3...200).contains(count) ? nil : "found \(count), expected 3 to 200 rolling elements"
        }
        ballDiameter = try container.decode(Double.self, forKey: .ballDiameter) { diameter in
            diameter.isFinite && diameter > 0 && diameter < 2000 ? nil : "found \(diameter), expected a diameter in mm above 0"
        }
        let ball = ballDiameter
        pitchDiameter = try container.decode(Double.self, forKey: .pitchDiameter) { diameter in
            diameter.isFinite && diameter > ball && diameter < 10_000
                ? nil : "found \(diameter), expected a pitch diameter in mm larger than the ball diameter \(ball)"
        }
        contactAngle = try container.decodeIfPresent(Double.self, forKey: .contactAngle) { angle in
            angle.isFinite && angle >= 0 && angle < 90 ? nil : "found \(angle), expected degrees from 0 to below 90"
        } ?? 0
        source = try container.decodeIfPresent(String.self, forKey: .source)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(designation, forKey: .designation)
        try container.encode(rollingElements, forKey: .rollingElements)
        try container.encode(ballDiameter, forKey: .ballDiameter)
        try container.encode(pitchDiameter, forKey: .pitchDiameter)
        try container.encode(contactAngle, forKey: .contactAngle)
        try container.encodeIfPresent(source, forKey: .source)
    }
}

extension ConfigurationSchema {
    static let bearing = JSONSchema.object(
        properties: [
            ("designation", .string(description: "Bearing designation, e.g. 6309 or 22210 E.", pattern: nil, enumeration: nil)),
            ("rollingElements", .integer(description: "Balls or rollers per row.", minimum: 3, maximum: 200)),
            ("ballDiameter", .number(description: "Ball or roller diameter, mm.", exclusiveMinimumZero: true)),
            ("pitchDiameter", .number(description: "Pitch diameter, mm.", exclusiveMinimumZero: true)),
            ("contactAngle", .number(description: "Contact angle, degrees (default 0).", exclusiveMinimumZero: false)),
            ("source", .string(description: "Where the geometry comes from (a data sheet).", pattern: nil, enumeration: nil)),
        ], required: ["designation", "rollingElements", "ballDiameter", "pitchDiameter"],
        description: "A bearing's geometry, adding to or overriding the built-in catalogue.")
}

/// Two entries for one designation would make the catalogue depend on their order.
func uniqueDesignations(_ bearings: [BearingConfiguration]) -> String? {
    var seen: Set<String> = []
    for bearing in bearings where !seen.insert(bearing.designation).inserted {
        return "found designation '\(bearing.designation)' twice, expected each bearing once"
    }
    return nil
}
