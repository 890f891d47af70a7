import MillraceCore
import Simulator
import Testing

/// Over a simulated day of the healthy default plant, every signal stays in a physically plausible range.
@Suite struct PlantPlausibilityTests {
    let start = Timestamp(seconds: 1_767_225_600)

    /// Plausible ranges by signal name (motor signals without their `motor_` prefix).
    static let ranges: [String: ClosedRange<Double>] = [
        "current": 0...200, "current_a": 0...200, "current_b": 0...200, "current_c": 0...200,
        "voltage": 440...480, "power": 0...600, "power_factor": 0...1, "speed": 0...3_600,
        "winding_temperature": 5...130, "bearing_temperature": 5...90,
        "belt_speed": 0...1.2, "flow": 0...130, "suction_pressure": 0...0.5, "discharge_pressure": 0...6,
        "head": 0...60, "npsh_available": 5...15, "npsh_required": 0...8, "npsh_margin": 2...15,
        "pressure": 5.5...8.5, "duty": 0...100, "air_demand": 0...8, "specific_power": 0...12,
        "rate": 0...230, "outdoor_temperature": -10...35, "zone_temperature": 12...30,
        "supply_temperature": 10...35, "return_temperature": 12...31, "heating_demand": 0...200,
        "steam_pressure": 6.5...9.5, "steam_flow": 0...1_500, "gas_flow": 0...90, "firing_rate": 0...100,
        "stack_temperature": 100...250, "energy": 0...20_000, "demand_15min": 0...600, "peak_demand": 0...600,
        "vibration_velocity": 0...2.8, "vibration_velocity_axial": 0...2.8, "acceleration_hf": 0...0.3,
    ]

    @Test func aHealthyDayStaysInPlausibleRanges() {
        var plant = PlantSimulation(seed: 2026, start: start)
        var minimum: [String: Double] = [:]
        var maximum: [String: Double] = [:]
        var states: Set<String> = []
        var last: [PlantSignal] = []
        // Read every 10 s; the physics integrates in 1 s sub-steps regardless.
        for second in stride(from: 10, through: 86_400, by: 10) {
            let signals = plant.advance(to: start + .seconds(Int64(second)))
            last = signals
            for signal in signals {
                if signal.name == "state", case .string(let state) = signal.value { states.insert(state) }
                guard let value = signal.value.numericValue else { continue }
                let name = signal.name.hasPrefix("motor_") ? String(signal.name.dropFirst(6)) : signal.name
                let key = "\(signal.asset.leaf).\(name)"
                minimum[key] = min(minimum[key] ?? value, value)
                maximum[key] = max(maximum[key] ?? value, value)
            }
        }
        for key in minimum.keys.sorted() {
            let name = String(key.split(separator: ".").last!)
            print("\(key): \(minimum[key]!) … \(maximum[key]!)")
            guard let range = Self.ranges[name] else { continue }
            #expect(
                range.contains(minimum[key]!) && range.contains(maximum[key]!),
                "\(key) \(minimum[key]!)…\(maximum[key]!) outside \(range)")
        }
        // A working day sees production, planned breaks and some unplanned stops.
        #expect(states.isSuperset(of: ["running", "planned_stop", "idle"]))
        #expect(states.contains("down") || states.contains("starved") || states.contains("blocked"))
        // Counters: a day of three shifts at 200 bottles/min with breaks and stops.
        let good = last.first { $0.name == "good_count" }?.value.numericValue ?? 0
        let scrap = last.first { $0.name == "scrap_count" }?.value.numericValue ?? 0
        #expect((150_000...270_000).contains(good), "good \(good)")
        #expect(scrap > 0 && scrap < 0.05 * good)
        // The meter's energy is the integral of its power: between the lowest and highest demand × 24 h.
        let energy = last.first { $0.name == "energy" }?.value.numericValue ?? 0
        #expect(energy > 24 * (minimum["main-meter.power"] ?? 0) && energy < 24 * (maximum["main-meter.power"] ?? 0))
    }
}
