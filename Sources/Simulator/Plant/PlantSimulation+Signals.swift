import MillraceCore

extension PlantSimulation {
    /// The signals of every asset now, after sensor faults.
    mutating func signals() -> [PlantSignal] {
        var output: [PlantSignal] = []
        output.reserveCapacity(160)
        let now = time
        for index in conveyors.indices {
            var signals = conveyors[index].model.reading().signals
            signals += conveyors[index].model.motor.reading().signals(prefix: "motor_")
            signals += vibrationSignals(
                of: vibrationSource(conveyor: conveyors[index].model), noise: &conveyors[index].noise)
            emit(signals, path: conveyors[index].path, filters: conveyors[index].filters, at: now, into: &output)
            emit(
                fillers[index].model.reading().signals, path: fillers[index].path, filters: fillers[index].filters,
                at: now, into: &output)
        }
        for index in pumps.indices {
            var signals = pumps[index].model.reading().signals
            signals += pumps[index].model.motor.reading().signals(prefix: "motor_")
            signals += vibrationSignals(of: vibrationSource(pump: pumps[index].model), noise: &pumps[index].noise)
            emit(signals, path: pumps[index].path, filters: pumps[index].filters, at: now, into: &output)
        }
        for index in compressors.indices {
            var signals = compressors[index].model.reading().signals
            signals += compressors[index].model.motor.reading().signals(prefix: "motor_")
            signals += vibrationSignals(
                of: vibrationSource(compressor: compressors[index].model), noise: &compressors[index].noise)
            emit(signals, path: compressors[index].path, filters: compressors[index].filters, at: now, into: &output)
        }
        for index in hvacUnits.indices {
            emit(
                hvacUnits[index].model.reading().signals, path: hvacUnits[index].path,
                filters: hvacUnits[index].filters, at: now, into: &output)
        }
        for index in boilers.indices {
            emit(
                boilers[index].model.reading().signals, path: boilers[index].path, filters: boilers[index].filters,
                at: now, into: &output)
        }
        emit(meter.model.reading().signals, path: meter.path, filters: meter.filters, at: now, into: &output)
        return output
    }

    /// Appends `signals` for `path`, passing each through the asset's sensor-fault filters.
    private mutating func emit(
        _ signals: [NamedSignal], path: AssetPath, filters indices: [Int], at time: Timestamp,
        into output: inout [PlantSignal]
    ) {
        signalLoop: for signal in signals {
            var value = signal.value
            for index in indices where filters[index].signal == signal.name {
                guard let filtered = filters[index].apply(to: value, at: time) else { continue signalLoop }
                value = filtered
            }
            output.append(PlantSignal(asset: path, name: signal.name, value: value))
        }
    }

    /// Overall vibration values, computed from the model's spectrum (no waveform), with 2 % measurement noise:
    /// radial and axial velocity (mm/s RMS, 10–1000 Hz) and high-frequency acceleration (g RMS).
    private func vibrationSignals(of source: VibrationSource, noise: inout SeededGenerator) -> [NamedSignal] {
        let radial = VibrationSynthesizer.velocityRMS(of: source, axis: .radial)
        let axial = VibrationSynthesizer.velocityRMS(of: source, axis: .axial)
        let hf = VibrationSynthesizer.highFrequencyAcceleration(of: source)
        return [
            NamedSignal("vibration_velocity", PlantMath.rounded(max(0, radial * (1 + 0.02 * noise.fastGaussian())), 3)),
            NamedSignal(
                "vibration_velocity_axial", PlantMath.rounded(max(0, axial * (1 + 0.02 * noise.fastGaussian())), 3)),
            NamedSignal("acceleration_hf", PlantMath.rounded(max(0, hf * (1 + 0.02 * noise.fastGaussian())), 4)),
        ]
    }
}
