/// The kinds of equipment the plant simulator models.
public enum PlantAssetKind: String, Hashable, Sendable, CaseIterable {
    case conveyor
    case filler
    case centrifugalPump = "centrifugal_pump"
    case airCompressor = "air_compressor"
    case hvac
    case boiler
    case energyMeter = "energy_meter"

    /// Whether the asset is a rotating machine with vibration signals and waveforms.
    public var vibrates: Bool {
        switch self {
        case .conveyor, .centrifugalPump, .airCompressor: true
        case .filler, .hvac, .boiler, .energyMeter: false
        }
    }

    /// Whether the asset has an induction motor (motor current waveforms, electrical faults).
    public var hasMotor: Bool { vibrates }
}
