import MillraceCore
import Simulator
import Testing

/// Imbalance, misalignment, looseness, cavitation and lubrication, each in the part of the spectrum the
/// vibration literature puts it.
@Suite struct ShaftFaultSignatureTests {
    let start = Timestamp(seconds: 1_767_225_600)
    /// 32,768 samples at 25.6 kHz: 1.28 s, 0.78 Hz per bin.
    let synthesizer = VibrationSynthesizer(sampleRate: 25_600, sampleCount: 32_768)
    let shaft = 3_550.0 / 60

    func spectrum(_ source: VibrationSource, axis: VibrationAxis = .radial) -> SpectrumAnalysis {
        let block = synthesizer.block(of: source, axis: axis, start: start, seed: 5)
        return SpectrumAnalysis(block.samples, sampleRate: block.sampleRate, hann: true)
    }

    func amplitude(_ spectrum: SpectrumAnalysis, order: Double) -> Double {
        spectrum.amplitude(near: order * shaft, tolerance: 2 * spectrum.binWidth)
    }

    @Test func imbalanceRaisesOneTimesRunningSpeed() {
        let healthy = VibrationSource(shaftFrequency: shaft, vanes: 6)
        var faulty = healthy
        faulty.imbalance = 0.8
        let before = spectrum(healthy)
        let after = spectrum(faulty)
        #expect(amplitude(after, order: 1) > 4 * amplitude(before, order: 1))
        // 2× barely moves: imbalance is a 1× fault.
        #expect(amplitude(after, order: 2) < 1.3 * amplitude(before, order: 2))
        // Healthy is ISO 10816-3 zone A/B (< 2.8 mm/s); severe imbalance is zone D (> 4.5 mm/s).
        #expect(VibrationSynthesizer.velocityRMS(of: healthy) < 2.8)
        #expect(VibrationSynthesizer.velocityRMS(of: faulty) > 4.5)
    }

    @Test func misalignmentRaisesTwoTimesAndAxialVibration() {
        let healthy = VibrationSource(shaftFrequency: shaft)
        var faulty = healthy
        faulty.misalignment = 0.8
        #expect(amplitude(spectrum(faulty), order: 2) > 5 * amplitude(spectrum(healthy), order: 2))
        let axial = spectrum(faulty, axis: .axial)
        let radial = spectrum(faulty, axis: .radial)
        #expect(amplitude(axial, order: 2) > amplitude(radial, order: 2))
        #expect(amplitude(axial, order: 1) > 0.5 * amplitude(radial, order: 1))
        #expect(
            VibrationSynthesizer.velocityRMS(of: faulty, axis: .axial)
                > VibrationSynthesizer.velocityRMS(of: faulty, axis: .radial))
        #expect(
            VibrationSynthesizer.velocityRMS(of: healthy, axis: .axial)
                < VibrationSynthesizer.velocityRMS(of: healthy, axis: .radial))
    }

    @Test func loosenessRaisesManyHarmonicsAndHalfHarmonics() {
        let healthy = VibrationSource(shaftFrequency: shaft)
        var faulty = healthy
        faulty.looseness = 0.7
        let before = spectrum(healthy)
        let after = spectrum(faulty)
        let floor = after.median(in: 20...2_000)
        let orders = Array(stride(from: 0.5, through: 8, by: 0.5))
        let visibleAfter = orders.filter { amplitude(after, order: $0) > 10 * floor }.count
        let visibleBefore = orders.filter { amplitude(before, order: $0) > 10 * floor }.count
        #expect(visibleAfter >= 14, "\(visibleAfter) of \(orders.count) orders visible")
        #expect(visibleBefore < visibleAfter / 2)
        for half in [0.5, 1.5, 2.5] { #expect(amplitude(after, order: half) > 5 * amplitude(before, order: half)) }
    }

    @Test func cavitationRaisesTwoToTenKilohertzBand() {
        let healthy = VibrationSource(shaftFrequency: shaft, vanes: 6)
        var faulty = healthy
        faulty.cavitation = 0.6
        let band = 2_000.0...10_000.0
        let ratio = spectrum(faulty).power(in: band) / spectrum(healthy).power(in: band)
        #expect(ratio > 20, "2–10 kHz power ratio \(ratio)")
        // Low-frequency (running-speed) content hardly changes.
        let low = 10.0...1_000.0
        #expect(spectrum(faulty).power(in: low) < 1.5 * spectrum(healthy).power(in: low))
    }

    @Test func lubricationRaisesTheHighFrequencyNoiseFloor() {
        let healthy = VibrationSource(shaftFrequency: shaft)
        var faulty = healthy
        faulty.lubrication = 0.7
        let band = 6_000.0...12_000.0
        #expect(spectrum(faulty).power(in: band) > 20 * spectrum(healthy).power(in: band))
        #expect(
            VibrationSynthesizer.highFrequencyAcceleration(of: faulty) > 3
                * VibrationSynthesizer.highFrequencyAcceleration(of: healthy))
    }

    @Test(arguments: [0.0, 0.5, 1.0])
    func overallVelocityMatchesTheWaveformIntegratedByFFT(severity: Double) {
        // The per-second overall value is computed from the model's spectrum; the same quantity from the
        // synthesised waveform (FFT, divide by 2πf, sum 10–1000 Hz) must agree.
        var source = VibrationSource(shaftFrequency: shaft, vanes: 6)
        source.imbalance = severity
        source.looseness = severity / 2
        source.cavitation = severity / 2
        let block = VibrationSynthesizer(sampleRate: 25_600, sampleCount: 65_536).block(
            of: source, start: start, seed: 9)
        let measured = SpectrumAnalysis(block.samples, sampleRate: block.sampleRate).velocityRMS(band: 10...1_000)
        let model = VibrationSynthesizer.velocityRMS(of: source)
        #expect(abs(measured - model) / model < 0.1, "FFT \(measured) mm/s vs model \(model) mm/s")
    }

    @Test func sampleRateIsLimitedTo25600Hz() {
        #expect(VibrationSynthesizer(sampleRate: 51_200).sampleRate == 25_600)
        let block = VibrationSynthesizer(sampleRate: 8_192, sampleCount: 4_096)
            .block(of: VibrationSource(shaftFrequency: shaft), start: start, seed: 1)
        #expect(block.samples.count == 4_096 && block.sampleRate == 8_192 && block.unit.symbol == "g")
        #expect(block.samples.allSatisfy { $0.isFinite })
    }
}
