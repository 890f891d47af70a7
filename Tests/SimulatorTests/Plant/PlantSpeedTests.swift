import MillraceCore
import Simulator
import Testing

/// How long a simulated day takes. Printed, not asserted: it depends on the machine and the build
/// configuration. A debug build simulates two hours and extrapolates, to keep `swift test` quick; run
/// `swift test -c release --filter PlantSpeedTests` for the real figure over a whole day.
@Suite struct PlantSpeedTests {
    let start = Timestamp(seconds: 1_767_225_600)
    #if DEBUG
    let seconds = 7_200
    let configuration = "debug build, 2 h extrapolated to a day"
    #else
    let seconds = 86_400
    let configuration = "release build, a whole day"
    #endif

    @Test func oneSimulatedDayOfTheDefaultPlant() {
        let scenarios = ScenarioGenerator(seed: 9).scenarios(
            for: PlantLayout.packagingLine.assets, start: start, horizon: .seconds(86_400), count: 6)
        var plant = PlantSimulation(seed: 9, start: start, scenarios: scenarios)
        var signalCount = 0
        var blockCount = 0
        var checksum = 0.0
        let clock = ContinuousClock()
        let signalsOnly = clock.measure {
            for second in 1...seconds { signalCount += plant.advance(to: start + .seconds(Int64(second))).count }
        }
        var withWaveforms = PlantSimulation(seed: 9, start: start, scenarios: scenarios)
        let synthesizer = VibrationSynthesizer(sampleRate: 25_600, sampleCount: 25_600)
        let assets = withWaveforms.vibratingAssets
        let both = clock.measure {
            for second in 1...seconds {
                _ = withWaveforms.advance(to: start + .seconds(Int64(second)))
                // One 1-second block at 25.6 kHz per minute per vibrating asset.
                guard second % 60 == 0 else { continue }
                for asset in assets {
                    checksum += withWaveforms.waveform(of: asset, synthesizer: synthesizer)!.samples[100]
                    blockCount += 1
                }
            }
        }
        let scale = Double(86_400 / seconds)
        print(
            "One simulated day of the default plant at 1 s (\(configuration)): \(signalsOnly * scale) for "
                + "\(signalCount * Int(scale)) signals; with one 1-s block at 25.6 kHz per minute per vibrating asset "
                + "(\(blockCount * Int(scale)) blocks): \(both * scale) (checksum \(checksum))")
        #expect(signalCount > seconds * 100)
    }
}
