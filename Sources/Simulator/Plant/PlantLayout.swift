import MillraceCore

/// What the simulated plant is made of, by ISA-95 path (site/area/line/asset).
///
/// Each production line has a filler and the conveyor feeding it; the utilities serve the whole plant.
/// The main energy meter measures every asset plus the building's base load.
public struct PlantLayout: Hashable, Sendable {
    /// A production line: a filler and its infeed conveyor.
    public struct Line: Hashable, Sendable {
        public var filler: AssetPath
        public var conveyor: AssetPath
        public init(filler: AssetPath, conveyor: AssetPath) {
            self.filler = filler
            self.conveyor = conveyor
        }
    }

    public var lines: [Line]
    public var pumps: [AssetPath]
    public var compressors: [AssetPath]
    public var hvacUnits: [AssetPath]
    public var boilers: [AssetPath]
    public var energyMeter: AssetPath
    public var calendar: ShiftCalendar
    /// Lighting, offices and IT during shifts, kW.
    public var baseLoadOccupied = 18.0
    /// Lighting, offices and IT outside shifts, kW.
    public var baseLoadUnoccupied = 6.0

    public init(
        lines: [Line], pumps: [AssetPath], compressors: [AssetPath], hvacUnits: [AssetPath], boilers: [AssetPath],
        energyMeter: AssetPath, calendar: ShiftCalendar = ShiftCalendar()
    ) {
        self.lines = lines
        self.pumps = pumps
        self.compressors = compressors
        self.hvacUnits = hvacUnits
        self.boilers = boilers
        self.energyMeter = energyMeter
        self.calendar = calendar
    }

    /// The default demo plant at site `demo`: packaging line 1 (filler and motor-driven conveyor), two
    /// cooling-water pumps, an air compressor, an air-handling unit, a steam boiler and the main meter.
    public static let packagingLine = PlantLayout(
        lines: [Line(filler: path("demo/packaging/line-1/filler"), conveyor: path("demo/packaging/line-1/conveyor"))],
        pumps: [path("demo/utilities/cooling-water/pump-1"), path("demo/utilities/cooling-water/pump-2")],
        compressors: [path("demo/utilities/compressed-air/compressor-1")],
        hvacUnits: [path("demo/utilities/hvac/ahu-1")],
        boilers: [path("demo/utilities/steam/boiler-1")],
        energyMeter: path("demo/utilities/electrical/main-meter"))

    /// Every asset, in the order the plant reports them.
    public var assets: [PlantAssetDescription] {
        lines.flatMap {
            [
                PlantAssetDescription(path: $0.conveyor, kind: .conveyor),
                PlantAssetDescription(path: $0.filler, kind: .filler),
            ]
        }
            + pumps.map { PlantAssetDescription(path: $0, kind: .centrifugalPump) }
            + compressors.map { PlantAssetDescription(path: $0, kind: .airCompressor) }
            + hvacUnits.map { PlantAssetDescription(path: $0, kind: .hvac) }
            + boilers.map { PlantAssetDescription(path: $0, kind: .boiler) }
            + [PlantAssetDescription(path: energyMeter, kind: .energyMeter)]
    }

    private static func path(_ text: String) -> AssetPath {
        do { return try AssetPath(text) } catch { preconditionFailure(error.description) }
    }
}
