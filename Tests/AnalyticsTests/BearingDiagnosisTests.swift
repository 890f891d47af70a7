#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Analytics
import Testing

/// The reliability engineer's path end to end: a motor with an outer-race defect on a 6205 at 1797 r/min.
@Suite("Bearing diagnosis, end to end")
struct BearingDiagnosisTests {
    static let sampleRate = 25600.0
    static let shaft = 1797.0 / 60

    /// Impacts once per ball pass ring a 3.2 kHz housing resonance (decay 1/600 s), on top of 1× unbalance and noise.
    static func outerRaceDefect(bpfo: Double) -> [Double] {
        var generator = SeededGenerator(seed: 6205)
        var signal = (0..<25600).map { j in
            2 * sine(2 * Double.pi * shaft * Double(j) / sampleRate) + 0.4 * generator.gaussian()
        }
        var impact = 0.01
        while impact < 1 {
            let first = Int((impact * sampleRate).rounded(.up))
            for j in first..<min(first + 512, signal.count) {
                let t = Double(j) / sampleRate - impact
                signal[j] += 6 * exp(-600 * t) * sine(2 * Double.pi * 3200 * t)
            }
            impact += 1 / bpfo
        }
        return signal
    }

    @Test("the envelope spectrum's largest peak is BPFO of the 6205, and the finding can say so")
    func outerRace() throws {
        let entry = try #require(BearingCatalogue.builtIn.entry(for: "6205-2RS"))
        let defects = try entry.geometry.defectFrequencies(shaftFrequency: Self.shaft)
        let signal = Self.outerRaceDefect(bpfo: defects.bpfo)

        let envelope = try EnvelopeAnalysis(
            signal: signal, sampleRate: Self.sampleRate, band: try FrequencyBand(lower: 2000, upper: 5000))
        let top = try #require(envelope.spectrum.peaks(maximumCount: 1).first)
        let atBPFO = try #require(try envelope.spectrum.peak(near: defects.bpfo, tolerance: 0.02 * defects.bpfo))
        #expect(top.bin == atBPFO.bin)
        #expect(abs(atBPFO.frequency - defects.bpfo) < 0.5)
        // Not an inner-race or cage pattern.
        let atBPFI = try envelope.spectrum.peak(near: defects.bpfi, tolerance: 0.02 * defects.bpfi)
        #expect((atBPFI?.amplitude ?? 0) < 0.3 * atBPFO.amplitude)

        let features = try VibrationFeatureExtractor.features(of: signal, sampleRate: Self.sampleRate)
        let severity = try SeverityCriteria.iso10816Part1(.classI).assess(velocityRMS: features.velocityRMS)
        #expect(try #require(features.kurtosis) > 3)

        let order = atBPFO.frequency / Self.shaft
        let finding =
            "envelope peak at \(order)× running speed = BPFO of a \(entry.designation) "
            + "(geometry: \(entry.source)); \(severity.explanation)"
        #expect(finding.contains("BPFO of a 6205"))
        #expect(abs(order - 3.585) < 0.02)
    }
}
