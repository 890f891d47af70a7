/// The tags an asset of a given type is expected to have, named by the last part of their id
/// (`…pump-1.discharge_pressure` is `discharge_pressure`), as the plant simulator names its signals.
/// The asset page shows the template and which of its tags are missing, so an engineer connecting a new pump
/// sees at once that its vibration is not wired. Derived from `AssetType`; the configuration has no templates
/// of its own yet (docs/api.md lists the sets).
public struct AssetTemplate: Hashable, Sendable {
    public var type: AssetType
    public var tags: [String]

    public init(type: AssetType, tags: [String]) {
        self.type = type
        self.tags = tags
    }

    /// The template of `type`, or nil for `other` (nothing is expected of an unknown kind of equipment).
    public static func derived(from type: AssetType) -> AssetTemplate? {
        let tags: [String]
        switch type {
        case .motor: tags = ["running", "current", "speed", "winding_temperature", "vibration_velocity"]
        case .pump: tags = ["flow", "suction_pressure", "discharge_pressure", "motor_current", "vibration_velocity"]
        case .compressor: tags = ["pressure", "loaded", "motor_current", "vibration_velocity"]
        case .conveyor: tags = ["running", "belt_speed", "motor_current", "vibration_velocity"]
        case .fan: tags = ["running", "speed", "motor_current", "vibration_velocity"]
        case .gearbox: tags = ["oil_temperature", "vibration_velocity"]
        case .robot: tags = ["state", "cycle_count"]
        case .hvac: tags = ["zone_temperature", "supply_temperature", "fan_running", "power"]
        case .boiler: tags = ["steam_pressure", "steam_flow", "firing_rate", "stack_temperature"]
        case .turbine: tags = ["speed", "power", "vibration_velocity"]
        case .filler: tags = ["state", "rate", "good_count", "scrap_count"]
        case .meter: tags = ["power", "energy"]
        case .other: return nil
        }
        return AssetTemplate(type: type, tags: tags)
    }

    /// The template's tag names that none of `tagIDs` ends with (after a `.`, or as the whole id).
    public func missing(from tagIDs: [String]) -> [String] {
        tags.filter { name in !tagIDs.contains { $0 == name || $0.hasSuffix("." + name) } }
    }
}
