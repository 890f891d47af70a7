import MillraceCore
import Simulator
import Testing

/// Bearing defects must show where an analyst looks: in the envelope spectrum of the resonance band.
@Suite struct BearingFaultSignatureTests {
    let start = Timestamp(seconds: 1_767_225_600)
    /// 65,536 samples at 25.6 kHz: 2.56 s, 0.39 Hz per bin.
    let synthesizer = VibrationSynthesizer(sampleRate: 25_600, sampleCount: 65_536)
    let shaft = 1_770.0 / 60

    func envelope(_ source: VibrationSource) -> SpectrumAnalysis {
        let block = synthesizer.block(of: source, start: start, seed: 11)
        let resonance = source.resonanceFrequency
        return SpectrumAnalysis.envelope(
            block.samples, sampleRate: block.sampleRate, band: (resonance - 1_500)...(resonance + 1_500))
    }

    @Test func defectFrequenciesFollowTheBearingGeometry() {
        // 6205 (CWRU data set): BPFO 3.5848, BPFI 5.4152, BSF 2.3567, FTF 0.3983 × shaft frequency.
        let bearing = SimulatedBearing.deepGroove6205
        #expect(abs(bearing.bpfo(shaftHz: 1) - 3.5848) < 0.001)
        #expect(abs(bearing.bpfi(shaftHz: 1) - 5.4152) < 0.001)
        #expect(abs(bearing.bsf(shaftHz: 1) - 2.3567) < 0.001)
        #expect(abs(bearing.ftf(shaftHz: 1) - 0.3983) < 0.001)
        // BPFO + BPFI = number of balls × shaft frequency, for any geometry.
        let angular = SimulatedBearing(rollingElements: 13, ballDiameter: 12, pitchDiameter: 60, contactAngle: 40)
        #expect(abs(angular.bpfo(shaftHz: 25) + angular.bpfi(shaftHz: 25) - 13 * 25) < 1e-9)
    }

    @Test func outerRaceEnvelopePeaksAtBPFO() {
        var source = VibrationSource(shaftFrequency: shaft, bearing: .deepGroove6205)
        source.outerRace = 0.4
        let spectrum = envelope(source)
        let bpfo = source.bearing.bpfo(shaftHz: shaft)
        let peak = spectrum.peakBin(in: 10...400)
        #expect(abs(peak - spectrum.bin(of: bpfo)) <= 1, "peak at \(spectrum.frequency(of: peak)) Hz, BPFO \(bpfo) Hz")
        // Harmonics of BPFO are there too, well above the floor.
        let floor = spectrum.median(in: 10...1_000)
        #expect(spectrum.amplitude(near: 2 * bpfo, tolerance: 2 * spectrum.binWidth) > 5 * floor)
        // Healthy bearing: nothing at BPFO.
        let healthy = envelope(VibrationSource(shaftFrequency: shaft, bearing: .deepGroove6205))
        #expect(
            spectrum.amplitude(near: bpfo, tolerance: spectrum.binWidth) > 20
                * healthy.amplitude(near: bpfo, tolerance: spectrum.binWidth))
    }

    @Test func innerRaceEnvelopePeaksAtBPFIWithShaftSidebands() {
        var source = VibrationSource(shaftFrequency: shaft, bearing: .deepGroove6205)
        source.innerRace = 0.5
        let spectrum = envelope(source)
        let bpfi = source.bearing.bpfi(shaftHz: shaft)
        let peak = spectrum.peakBin(in: (bpfi - 10)...(bpfi + 10))
        #expect(abs(peak - spectrum.bin(of: bpfi)) <= 1, "peak at \(spectrum.frequency(of: peak)) Hz, BPFI \(bpfi) Hz")
        let floor = spectrum.median(in: 10...1_000)
        let tolerance = 1.5 * spectrum.binWidth
        #expect(spectrum.amplitude(near: bpfi, tolerance: tolerance) > 10 * floor)
        // Load-zone modulation at 1×: sidebands at BPFI ± shaft frequency, and the 1× line itself.
        #expect(spectrum.amplitude(near: bpfi - shaft, tolerance: tolerance) > 4 * floor)
        #expect(spectrum.amplitude(near: bpfi + shaft, tolerance: tolerance) > 4 * floor)
        #expect(spectrum.amplitude(near: shaft, tolerance: tolerance) > 4 * floor)
    }

    @Test func ballDefectEnvelopeShowsTwiceBSFAndTheCageFrequency() {
        var source = VibrationSource(shaftFrequency: shaft, bearing: .deepGroove6205)
        source.ball = 0.6
        let spectrum = envelope(source)
        let twoBSF = 2 * source.bearing.bsf(shaftHz: shaft)
        let ftf = source.bearing.ftf(shaftHz: shaft)
        let floor = spectrum.median(in: 10...1_000)
        let peak = spectrum.peakBin(in: (twoBSF - 3)...(twoBSF + 3))
        #expect(
            abs(peak - spectrum.bin(of: twoBSF)) <= 1, "peak at \(spectrum.frequency(of: peak)) Hz, 2×BSF \(twoBSF) Hz")
        #expect(spectrum.amplitude(near: twoBSF, tolerance: spectrum.binWidth) > 8 * floor)
        #expect(spectrum.amplitude(near: ftf, tolerance: 1.5 * spectrum.binWidth) > 4 * floor)
    }

    @Test func impactAmplitudeGrowsWithSeverity() {
        var mild = VibrationSource(shaftFrequency: shaft)
        mild.outerRace = 0.1
        var severe = mild
        severe.outerRace = 0.8
        let mildBlock = synthesizer.block(of: mild, start: start, seed: 3)
        let severeBlock = synthesizer.block(of: severe, start: start, seed: 3)
        let peak: (WaveformBlock) -> Double = { $0.samples.map { abs($0) }.max() ?? 0 }
        #expect(peak(severeBlock) > 4 * peak(mildBlock))
        #expect(
            VibrationSynthesizer.highFrequencyAcceleration(of: severe) > 3
                * VibrationSynthesizer.highFrequencyAcceleration(of: mild))
    }

    @Test func impactSpacingJittersLikeRealRollingElementSlip() {
        // With jitter the higher envelope harmonics smear: the 10th harmonic of BPFO is much weaker relative to
        // the first than it would be for a perfectly periodic train.
        var source = VibrationSource(shaftFrequency: shaft)
        source.outerRace = 0.5
        let spectrum = envelope(source)
        let bpfo = source.bearing.bpfo(shaftHz: shaft)
        let first = spectrum.amplitude(near: bpfo, tolerance: spectrum.binWidth)
        let tenth = spectrum.amplitude(near: 10 * bpfo, tolerance: spectrum.binWidth)
        #expect(tenth < 0.5 * first)
    }
}
