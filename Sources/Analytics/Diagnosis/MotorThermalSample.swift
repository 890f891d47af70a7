/// One reading of a motor's thermal state: time, line current, winding temperature and, when measured, the
/// cooling-air temperature.
public struct MotorThermalSample: Hashable, Sendable, Codable {
    /// Seconds since any fixed origin (only differences are used).
    public var time: Double
    /// Line current, A RMS.
    public var current: Double
    /// Winding temperature (embedded sensor), °C.
    public var windingTemperature: Double
    /// Cooling-air temperature, °C; nil when not measured (the model then uses its learned reference).
    public var ambient: Double?

    public init(time: Double, current: Double, windingTemperature: Double, ambient: Double? = nil) {
        self.time = time
        self.current = current
        self.windingTemperature = windingTemperature
        self.ambient = ambient
    }

    var isFinite: Bool {
        time.isFinite && current.isFinite && windingTemperature.isFinite && (ambient?.isFinite ?? true)
    }
}
