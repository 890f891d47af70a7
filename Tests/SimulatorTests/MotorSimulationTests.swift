import MillraceCore
import Simulator
import Testing

@Suite struct MotorSimulationTests {
    let start = Timestamp(seconds: 1_767_225_600)

    func run(seed: UInt64, seconds: Int) -> [MotorReading] {
        var motor = MotorSimulation(seed: seed, start: start)
        return (1...seconds).map { motor.advance(to: start + .seconds(Int64($0))) }
    }

    @Test func sameSeedGivesTheSameReadingsBitForBit() {
        #expect(run(seed: 42, seconds: 600) == run(seed: 42, seconds: 600))
        #expect(run(seed: 42, seconds: 600) != run(seed: 43, seconds: 600))
    }

    @Test func signalsStayPhysicallyPlausibleOverADay() {
        var motor = MotorSimulation(seed: 1, start: start)
        var sawStop = false, sawRun = false
        for minute in 1...(24 * 60) {
            let reading = motor.advance(to: start + .seconds(Int64(minute * 60)))
            #expect((0...1900).contains(reading.speed))
            #expect((0...20).contains(reading.current))
            #expect((15...110).contains(reading.windingTemperature))
            #expect((0...5).contains(reading.vibrationRMS))
            if reading.running { sawRun = true } else { sawStop = true }
            if !reading.running && reading.speed == 0 { #expect(reading.current == 0) }
        }
        #expect(sawRun && sawStop)
    }

    @Test func windingCoolsWhileStoppedAndWarmsWhileRunning() {
        var parameters = MotorSimulation.Parameters()
        parameters.meanRun = 100_000
        parameters.meanStop = 100_000
        var motor = MotorSimulation(seed: 3, start: start, parameters: parameters)
        let first = motor.advance(to: start + .seconds(60))
        #expect(first.running)
        // Runs for half of meanRun, then stops; the winding follows with its time constant.
        let beforeStop = motor.advance(to: start + .seconds(49_000))
        let afterStop = motor.advance(to: start + .seconds(52_000))
        #expect(!afterStop.running)
        #expect(afterStop.windingTemperature < beforeStop.windingTemperature - 10)
        #expect(abs(afterStop.windingTemperature - parameters.ambient) < 3)
    }

    @Test func signalLookupByConfigurationName() {
        var motor = MotorSimulation(seed: 1, start: start)
        let reading = motor.advance(to: start + .seconds(1))
        for name in ["winding_temperature", "current", "vibration_rms", "running", "speed"] {
            #expect(reading.value(of: name) != nil)
        }
        #expect(reading.value(of: "torque") == nil)
    }
}
