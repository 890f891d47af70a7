import Analytics
import MillraceCore
import Simulator

extension PlantSimulation {
    /// A radial and an axial block (25 600 samples at 25.6 kHz, g) of every vibrating asset at the plant's present
    /// time, with its speed, the simulator's bearing where the sensor sits and its motor's current (6.4 s of phase
    /// A at 5.12 kHz: 0.16 Hz resolution separates rotor-bar sidebands at 2·s·f from the line). Taking blocks does not change the
    /// plant.
    public func vibrationBlocks(
        synthesizer: VibrationSynthesizer = VibrationSynthesizer(),
        currentSynthesizer: CurrentSignatureSynthesizer? = CurrentSignatureSynthesizer(sampleRate: 5_120, sampleCount: 32_768)
    ) -> [AssetVibrationBlock] {
        vibratingAssets.compactMap { asset in
            guard let source = vibrationSource(of: asset),
                let radial = waveform(of: asset, axis: .radial, synthesizer: synthesizer),
                let axial = waveform(of: asset, axis: .axial, synthesizer: synthesizer)
            else { return nil }
            let driveEnd = source.bearing == .deepGroove6309
            let geometry = try? BearingGeometry(
                rollingElementCount: source.bearing.rollingElements, rollingElementDiameter: source.bearing.ballDiameter,
                pitchDiameter: source.bearing.pitchDiameter, contactAngle: source.bearing.contactAngle)
            var current: MotorCurrentBlock?
            if let currentSynthesizer, let motor = motorCurrentSource(of: asset), let phases = phaseCurrents(of: asset),
                let block = currentWaveform(of: asset, synthesizer: currentSynthesizer)
            {
                current = MotorCurrentBlock(
                    samples: block.samples, sampleRate: block.sampleRate, lineFrequency: motor.lineFrequency, slip: motor.slip,
                    phases: phases)
            }
            return AssetVibrationBlock(
                asset: asset, time: radial.start, radial: radial.samples, axial: axial.samples, sampleRate: radial.sampleRate,
                shaftFrequency: source.shaftFrequency, location: driveEnd ? "drive end" : "non-drive end",
                bearing: geometry.map {
                    BearingCatalogueEntry(designation: driveEnd ? "6309" : "6205", geometry: $0, source: "simulator geometry")
                }, current: current)
        }
    }
}

extension PlantSimulatorService: VibrationBlockSource {
    /// Blocks of the running plant, synthesized outside the plant's lock from a copy of its state.
    public func vibrationBlocks() async -> [AssetVibrationBlock] {
        let snapshot = plant.withLock { $0 }
        return snapshot.vibrationBlocks()
    }
}
