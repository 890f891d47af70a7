import Analytics
import MillraceCore
import Simulator

extension PlantSimulation {
    /// A radial and an axial block (25 600 samples at 25.6 kHz, g) of every vibrating asset at the plant's present
    /// time, with its speed and the simulator's bearing where the sensor sits. Taking blocks does not change the
    /// plant.
    public func vibrationBlocks(synthesizer: VibrationSynthesizer = VibrationSynthesizer()) -> [AssetVibrationBlock] {
        vibratingAssets.compactMap { asset in
            guard let source = vibrationSource(of: asset),
                let radial = waveform(of: asset, axis: .radial, synthesizer: synthesizer),
                let axial = waveform(of: asset, axis: .axial, synthesizer: synthesizer)
            else { return nil }
            let driveEnd = source.bearing == .deepGroove6309
            let geometry = try? BearingGeometry(
                rollingElementCount: source.bearing.rollingElements, rollingElementDiameter: source.bearing.ballDiameter,
                pitchDiameter: source.bearing.pitchDiameter, contactAngle: source.bearing.contactAngle)
            return AssetVibrationBlock(
                asset: asset, time: radial.start, radial: radial.samples, axial: axial.samples, sampleRate: radial.sampleRate,
                shaftFrequency: source.shaftFrequency, location: driveEnd ? "drive end" : "non-drive end",
                bearing: geometry.map {
                    BearingCatalogueEntry(designation: driveEnd ? "6309" : "6205", geometry: $0, source: "simulator geometry")
                })
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
