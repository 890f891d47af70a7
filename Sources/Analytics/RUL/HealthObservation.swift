/// One value of a health indicator (an envelope peak, a velocity, a temperature rise, a wear measure) at a time.
///
/// Time is in the caller's unit (days, hours, operating hours); every remaining-life figure comes back in the
/// same unit.
public struct HealthObservation: Hashable, Sendable, Codable {
    public var time: Double
    public var value: Double

    public init(time: Double, value: Double) {
        self.time = time
        self.value = value
    }
}
