/// The engineering unit of a tag's values, by its usual symbol (`°C`, `A`, `mm/s`, `kW`, `bar`).
///
/// Millrace does not convert units; it carries them so that every screen, export and finding shows them.
/// The symbol is free text of at most 32 characters; the well-known ones have constants.
public struct EngineeringUnit: Hashable, Sendable, Codable, CustomStringConvertible {
    public let symbol: String

    public init(_ symbol: String) { self.symbol = symbol }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text.count <= 32, !text.contains(where: { $0.isNewline }) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a unit is a short symbol such as °C, A or mm/s (at most 32 characters)")
        }
        self.symbol = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(symbol)
    }

    public var description: String { symbol }

    public static let none = EngineeringUnit("")
    public static let degreesCelsius = EngineeringUnit("°C")
    public static let ampere = EngineeringUnit("A")
    public static let volt = EngineeringUnit("V")
    public static let kilowatt = EngineeringUnit("kW")
    public static let kilowattHour = EngineeringUnit("kWh")
    public static let millimetresPerSecond = EngineeringUnit("mm/s")
    public static let revolutionsPerMinute = EngineeringUnit("rpm")
    public static let bar = EngineeringUnit("bar")
    public static let percent = EngineeringUnit("%")
    public static let hertz = EngineeringUnit("Hz")
    public static let cubicMetresPerHour = EngineeringUnit("m³/h")
    public static let count = EngineeringUnit("count")
}
