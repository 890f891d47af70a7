import MillraceCore
import Simulator
import Testing

/// Each equipment model on its own: its physics hangs together.
@Suite struct EquipmentModelTests {
    let start = Timestamp(seconds: 1_767_225_600)

    @Test func motorSignalsAreCoupledAsOnADataSheet() {
        var light = InductionMotorModel(parameters: .pumpDrive, seed: 1, start: start, load: 0.3)
        var full = InductionMotorModel(parameters: .pumpDrive, seed: 1, start: start, load: 1.0)
        let a = light.advance(to: start + .seconds(600))
        let b = full.advance(to: start + .seconds(600))
        // Slip grows with load, so speed falls; power factor and current rise.
        #expect(b.speed < a.speed && b.slip > a.slip)
        #expect(b.powerFactor > a.powerFactor && b.current > a.current)
        // At rated load the current is the nameplate current (±3 %).
        #expect(abs(b.current - InductionMotorModel.Parameters.pumpDrive.ratedCurrent) / b.current < 0.03)
        // P = √3·V·I·cos φ.
        for reading in [a, b] {
            let computed = 3.0.squareRoot() * reading.voltage * reading.current * reading.powerFactor / 1000
            #expect(abs(computed - reading.power) / reading.power < 0.02)
        }
        // Stopping: speed coasts to zero, current and power go to zero, the winding cools toward ambient.
        full.isRunning = false
        let stopped = full.advance(to: start + .seconds(600 + 4 * 3_600))
        #expect(!stopped.running && stopped.speed == 0 && stopped.current == 0 && stopped.power == 0)
        #expect(stopped.windingTemperature < b.windingTemperature - 30)
        #expect(stopped.value(of: "winding_temperature") != nil && stopped.value(of: "torque") == nil)
    }

    @Test func pumpOperatesOnItsCurveWithConsistentPressures() {
        let motor = InductionMotorModel(parameters: .pumpDrive, seed: 2, start: start)
        var pump = CentrifugalPumpModel(motor: motor, seed: 2, start: start)
        for minute in 1...30 {
            let (reading, motorReading) = pump.advance(to: start + .seconds(Int64(minute * 60)))
            // Discharge − suction = ρ·g·H (within transmitter noise and rounding).
            let differential = (reading.dischargePressure - reading.suctionPressure) * 1e5 / (997 * 9.80665)
            #expect(abs(differential - reading.head) < 0.3)
            #expect(abs(reading.npshMargin - (reading.npshAvailable - reading.npshRequired)) < 0.02)
            // Near the best efficiency point, the motor is loaded 70–100 %.
            #expect((60...105).contains(reading.flow))
            #expect((0.7...1.02).contains(motorReading.power / 15 * 0.92))
        }
        // The affinity laws: at 80 % speed the shut-off head is 64 %, so the flow against the static head falls.
        pump.motor.parameters.lineFrequency = 48
        let slow = pump.advance(to: start + .seconds(3_600)).pump
        #expect(slow.flow < 0.75 * 90 && slow.head < 42)
    }

    @Test func compressorCyclesBetweenCutInAndCutOut() {
        let motor = InductionMotorModel(parameters: .compressorDrive, seed: 3, start: start)
        var compressor = AirCompressorModel(motor: motor, seed: 3, start: start)
        compressor.production = 1
        var loads = 0
        var unloads = 0
        var wasLoaded = true
        for second in 1...3_600 {
            let (reading, motorReading) = compressor.advance(to: start + .seconds(Int64(second)))
            #expect((6.35...7.65).contains(reading.pressure))
            if reading.loaded != wasLoaded { if reading.loaded { loads += 1 } else { unloads += 1 } }
            wasLoaded = reading.loaded
            // Loaded near full power, unloaded about a quarter of it.
            if second > 5 { #expect(reading.loaded ? motorReading.power > 30 : motorReading.power < 15) }
        }
        #expect(loads > 10 && unloads > 10)
        let duty = compressor.advance(to: start + .seconds(3_601)).compressor.duty
        // Demand 1.6 + 2.4 + 0.3 leak = 4.3 of 6 m³/min: duty ≈ 72 %.
        #expect((60...85).contains(duty))
    }

    @Test func energyMeterIntegratesPowerAndAveragesDemandOverFifteenMinutes() {
        var meter = EnergyMeterModel(seed: 4, start: start)
        meter.power = 100
        let hour = meter.advance(to: start + .seconds(3_600))
        #expect(abs(hour.energy - 100) < 1e-6)
        #expect(abs(hour.demand - 100) < 1e-6)
        meter.power = 200
        let later = meter.advance(to: start + .seconds(3_600 + 450))
        #expect(abs(later.demand - 150) < 0.01)
        #expect(abs(later.peakDemand - 150) < 0.01)
        let much = meter.advance(to: start + .seconds(3_600 + 900))
        #expect(abs(much.demand - 200) < 0.01)
        // Sub-second steps integrate the same.
        var fine = EnergyMeterModel(seed: 4, start: start)
        fine.power = 100
        for tenth in 1...36_000 { _ = fine.advance(to: start + .milliseconds(Int64(tenth * 100))) }
        #expect(abs(fine.advance(to: start + .seconds(3_600)).energy - 100) < 1e-6)
    }

    @Test func shiftCalendarKnowsShiftsBreaksAndDaysOff() {
        let calendar = ShiftCalendar()
        let thursday = start  // 2026-01-01 is a Thursday
        func at(_ day: Int, _ hour: Int, _ minute: Int) -> ShiftCalendar.Status {
            calendar.status(at: thursday + .seconds(Int64(day * 86_400 + hour * 3_600 + minute * 60)))
        }
        #expect(at(0, 6, 0) == .init(shift: 1, isPlannedStop: false))
        #expect(at(0, 8, 5) == .init(shift: 1, isPlannedStop: true))  // first break
        #expect(at(0, 10, 20) == .init(shift: 1, isPlannedStop: true))  // meal break
        #expect(at(0, 14, 0) == .init(shift: 2, isPlannedStop: false))
        #expect(at(0, 23, 0) == .init(shift: 3, isPlannedStop: false))
        #expect(at(1, 3, 0) == .init(shift: 3, isPlannedStop: false))  // Thursday's night shift, Friday morning
        #expect(at(3, 12, 0) == .init(shift: nil, isPlannedStop: true))  // Sunday
        #expect(at(3, 3, 0) == .init(shift: 3, isPlannedStop: false))  // Saturday's night shift, Sunday morning
        #expect(at(3, 2, 10) == .init(shift: 3, isPlannedStop: true))  // its meal break
        #expect(at(4, 6, 0) == .init(shift: 1, isPlannedStop: false))  // Monday
        #expect(
            ShiftCalendar.continuous.status(at: thursday + .seconds(3 * 86_400))
                == .init(shift: 3, isPlannedStop: false))
    }

    @Test func fillerCountsAndStatesHangTogether() {
        var filler = FillerModel(calendar: .continuous, seed: 5, start: start)
        var previous = (good: Int64(0), scrap: Int64(0))
        var seen: Set<String> = []
        for minute in 1...(12 * 60) {
            let reading = filler.advance(to: start + .seconds(Int64(minute * 60)))
            seen.insert(reading.state.name)
            #expect(reading.goodCount >= previous.good && reading.scrapCount >= previous.scrap)
            #expect(reading.value(of: "total_count") == .integer(reading.goodCount + reading.scrapCount))
            if reading.state != .running { #expect(reading.rate == 0) }
            if let reason = reading.state.downReason {
                #expect(reading.value(of: "down_reason") == .integer(Int64(reason.rawValue)))
            }
            previous = (reading.goodCount, reading.scrapCount)
        }
        #expect(seen.contains("running") && seen.contains("down") && !seen.contains("planned_stop"))
        // Availability in a plausible range for a packaging line (70–98 %).
        let produced = Double(previous.good + previous.scrap)
        #expect((0.7...0.98).contains(produced / (200 * 12 * 60)))
    }

    @Test func boilerHoldsSteamPressureAndGasFollowsFiring() {
        var boiler = BoilerModel(seed: 6, start: start)
        var hvac = HVACModel(seed: 6, start: start)
        for minute in 1...(6 * 60) {
            boiler.producing = minute < 180
            let air = hvac.advance(to: start + .seconds(Int64(minute * 60)))
            boiler.heatingDemand = air.heatingDemand
            let reading = boiler.advance(to: start + .seconds(Int64(minute * 60)))
            #expect((7.0...9.0).contains(reading.steamPressure))
            // Gas flow = firing × 900 kW / 10 kWh/Nm³.
            #expect(abs(reading.gasFlow - reading.firingRate / 100 * 90) < 1.5)
            #expect(abs(air.returnTemperature - air.zoneTemperature - 0.4) < 0.3)
        }
    }
}
