import MillraceCore

extension PlantSimulation {
    /// The vibration state of a rotating asset now, or nil if `asset` is not one.
    public func vibrationSource(of asset: AssetPath) -> VibrationSource? {
        if let unit = conveyors.first(where: { $0.path == asset }) { return vibrationSource(conveyor: unit.model) }
        if let unit = pumps.first(where: { $0.path == asset }) { return vibrationSource(pump: unit.model) }
        if let unit = compressors.first(where: { $0.path == asset }) { return vibrationSource(compressor: unit.model) }
        return nil
    }

    /// The stator current state of an asset's motor now, or nil if `asset` has no motor.
    public func motorCurrentSource(of asset: AssetPath) -> MotorCurrentSource? {
        let motor =
            conveyors.first { $0.path == asset }?.model.motor ?? pumps.first { $0.path == asset }?.model.motor
            ?? compressors.first { $0.path == asset }?.model.motor
        guard let motor else { return nil }
        return MotorCurrentSource(
            lineFrequency: motor.parameters.lineFrequency, current: motor.current, slip: motor.slip,
            brokenBarSidebandDB: max(-60, motor.effects.brokenBarSidebandDB),
            phaseUnbalance: 0.01 + motor.effects.phaseUnbalance)
    }

    /// The three phase currents (A) of an asset's motor now, as its current transformers read them; nil if
    /// `asset` has no motor. Reads a copy of the motor: the plant does not change.
    public func phaseCurrents(of asset: AssetPath) -> [Double]? {
        let motor =
            conveyors.first { $0.path == asset }?.model.motor ?? pumps.first { $0.path == asset }?.model.motor
            ?? compressors.first { $0.path == asset }?.model.motor
        guard var copy = motor else { return nil }
        return copy.reading().phaseCurrents
    }

    /// A block of casing acceleration (g) of a rotating asset, starting at the plant's present time; nil if
    /// `asset` does not vibrate. Deterministic for the plant's seed, the asset, the time and the axis; it does
    /// not change the plant, so taking blocks or not leaves the signals the same.
    public func waveform(
        of asset: AssetPath, axis: VibrationAxis = .radial, synthesizer: VibrationSynthesizer = VibrationSynthesizer()
    ) -> WaveformBlock? {
        guard let source = vibrationSource(of: asset) else { return nil }
        return synthesizer.block(of: source, axis: axis, start: time, seed: waveformSeed(asset))
    }

    /// A block of phase A stator current (A) of an asset's motor, starting at the plant's present time; nil
    /// if `asset` has no motor.
    public func currentWaveform(
        of asset: AssetPath, synthesizer: CurrentSignatureSynthesizer = CurrentSignatureSynthesizer()
    ) -> WaveformBlock? {
        guard let source = motorCurrentSource(of: asset) else { return nil }
        return synthesizer.block(of: source, start: time, seed: waveformSeed(asset))
    }

    private func waveformSeed(_ asset: AssetPath) -> UInt64 {
        PlantMath.mix(seed, PlantMath.stableHash(asset.description), 0x0057_4156_4546_4F52)
    }

    /// Bearings: the drive end is the larger 6309, the non-drive end a 6205.
    private func bearing(_ location: BearingLocation) -> SimulatedBearing {
        location == .driveEnd ? .deepGroove6309 : .deepGroove6205
    }

    func vibrationSource(pump: CentrifugalPumpModel) -> VibrationSource {
        var source = VibrationSource(
            shaftFrequency: pump.motor.speed / 60, bearing: bearing(pump.effects.bearingLocation),
            resonanceFrequency: 3_800, baseline: 0.9, vanes: pump.parameters.vanes,
            lineFrequency: pump.motor.parameters.lineFrequency)
        source.apply(pump.effects)
        source.cavitation = pump.cavitationIntensity
        return source
    }

    func vibrationSource(conveyor: ConveyorModel) -> VibrationSource {
        var source = VibrationSource(
            shaftFrequency: conveyor.motor.speed / 60, bearing: bearing(conveyor.effects.bearingLocation),
            resonanceFrequency: 4_500, baseline: 0.7, lineFrequency: conveyor.motor.parameters.lineFrequency)
        source.apply(conveyor.effects)
        return source
    }

    func vibrationSource(compressor: AirCompressorModel) -> VibrationSource {
        // A screw compressor's male rotor has four lobes: the lobe pass shows like a vane pass.
        var source = VibrationSource(
            shaftFrequency: compressor.motor.speed / 60, bearing: bearing(compressor.effects.bearingLocation),
            resonanceFrequency: 3_200, baseline: 1.1, vanes: 4,
            lineFrequency: compressor.motor.parameters.lineFrequency)
        source.apply(compressor.effects)
        return source
    }
}
