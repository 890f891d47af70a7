import Analytics
import MillraceConfiguration
import MillraceCore
import Simulator

/// What the live anomaly monitor watches on one asset: its tags (one column each), the tag that sets the
/// operating mode, and, for a motor with a current and a winding temperature, what the thermal diagnoser needs.
public struct LiveAnomalyProfile: Hashable, Sendable {
    /// The motor thermal model's inputs: the line current and winding temperature tags, and the rated current.
    public struct Thermal: Hashable, Sendable {
        public var current: TagID
        public var windingTemperature: TagID
        public var ratedCurrent: Double

        public init(current: TagID, windingTemperature: TagID, ratedCurrent: Double) {
            self.current = current
            self.windingTemperature = windingTemperature
            self.ratedCurrent = ratedCurrent
        }
    }

    public var tags: [TagID]
    /// The mode tag (one of `tags`), or nil for one operating mode.
    public var modeTag: TagID?
    public var thermal: Thermal?

    public init(tags: [TagID], modeTag: TagID? = nil, thermal: Thermal? = nil) {
        self.tags = tags
        self.modeTag = modeTag
        self.thermal = thermal
    }

    /// A tag's column name in the model and in explanations: the part of its id after the last dot
    /// (`demo.utilities.cooling-water.pump-1.flow` → `flow`).
    public static func columnName(_ tag: TagID) -> String {
        String(tag.rawValue.split(separator: ".").last ?? Substring(tag.rawValue))
    }

    /// The tags of the built-in plant's centrifugal pumps whose model was evaluated offline (docs/condition-
    /// monitoring.md, `PumpAnomalyTests`), with flow as the mode and the pump drive's rated current.
    public static let pumpColumns = [
        "flow", "suction_pressure", "discharge_pressure", "motor_current", "motor_power",
        "motor_winding_temperature", "motor_bearing_temperature", "vibration_velocity", "acceleration_hf",
    ]

    /// Profiles for every asset of `configuration` that has all of `pumpColumns` among its tags (the built-in
    /// plant's pumps, and a real pump tagged the same way). Other asset types are not monitored live yet: their
    /// models have not been evaluated (ADR 0020).
    public static func pumps(in configuration: MillraceConfiguration, ratedCurrent: Double = InductionMotorModel.Parameters.pumpDrive.ratedCurrent)
        -> [AssetPath: LiveAnomalyProfile]
    {
        var profiles: [AssetPath: LiveAnomalyProfile] = [:]
        let byAsset = Dictionary(grouping: configuration.resolvedTags, by: { $0.asset.path })
        for (asset, tags) in byAsset {
            var byColumn: [String: TagID] = [:]
            for (tag, _, _) in tags { byColumn[columnName(tag.id)] = tag.id }
            let columns = pumpColumns.compactMap { byColumn[$0] }
            guard columns.count == pumpColumns.count, let flow = byColumn["flow"], let current = byColumn["motor_current"],
                let winding = byColumn["motor_winding_temperature"]
            else { continue }
            profiles[asset] = LiveAnomalyProfile(
                tags: columns, modeTag: flow,
                thermal: Thermal(current: current, windingTemperature: winding, ratedCurrent: ratedCurrent))
        }
        return profiles
    }
}
