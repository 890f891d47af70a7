#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Motor electrical faults: phase current unbalance and broken rotor bars (motor current signature analysis).
///
/// - **Unbalance** (NEMA MG-1 §14.35 definition): the largest deviation of a phase current from the mean of the
///   three, over the mean, in %. Severity: ≥ 3 % low, ≥ 5 % moderate, ≥ 10 % high, ≥ 20 % critical (current
///   unbalance is 6–10× the voltage unbalance that causes it; NEMA derates from 1 % voltage unbalance).
/// - **Broken rotor bars** (Kliman et al. 1988; Thomson & Fenger 2001, IEEE Industry Applications Magazine 7(4),
///   Table 1): sidebands at f·(1 ± 2s) in the stator current spectrum; the level of the larger one, in dB below the
///   line component, is judged by the table below. A sideband must also stand 3× above the local noise floor.
///
///   | dB below line | rotor condition | severity |
///   |---|---|---|
///   | > 50 | excellent / good | none |
///   | 43–50 | moderate: trend it | low |
///   | 40–43 | high-resistance joint or cracked bar | moderate |
///   | 35–40 | one or two broken bars likely | high |
///   | < 35 | several broken bars | critical |
public struct ElectricalDiagnoser: Hashable, Sendable {
    public init() {}

    /// Phase current unbalance from the three phase currents (means over a period, or single readings).
    /// - Throws: `emptyInput`, `lengthMismatch`, `nonFiniteSample`, `invalidParameter` (zero mean current).
    public func diagnoseUnbalance(
        phaseA: [Double], phaseB: [Double], phaseC: [Double], context: MachineContext
    ) throws(AnalyticsError) -> [Finding] {
        guard !phaseA.isEmpty else { throw AnalyticsError(.emptyInput, "no phase current samples") }
        guard phaseA.count == phaseB.count, phaseB.count == phaseC.count else {
            throw AnalyticsError(.lengthMismatch, "the three phases have \(phaseA.count), \(phaseB.count) and \(phaseC.count) samples")
        }
        try Validation.requireFinite(phaseA, "phaseA")
        try Validation.requireFinite(phaseB, "phaseB")
        try Validation.requireFinite(phaseC, "phaseC")
        let means = [phaseA, phaseB, phaseC].map { $0.reduce(0, +) / Double($0.count) }
        let mean = means.reduce(0, +) / 3
        guard mean > 0 else {
            throw AnalyticsError(.invalidParameter, "the mean phase current is \(mean) A; the motor is not running")
        }
        let deviations = means.map { abs($0 - mean) }
        let worst = deviations.indices.max { deviations[$0] < deviations[$1] } ?? 0
        let percent = 100 * deviations[worst] / mean
        let severity = FindingSeverity.from(ratio: percent, limits: (3, 5, 10, 20))
        guard severity > .none else { return [] }
        let names = ["A", "B", "C"]
        var evidence = [
            Evidence(
                measurement: "phase current unbalance (NEMA MG-1: largest deviation from the mean / mean)", value: percent,
                unit: "%", reference: 3, referenceSource: "alert limit")
        ]
        for index in 0..<3 {
            evidence.append(
                Evidence(measurement: "phase \(names[index]) current", value: means[index], unit: "A", reference: mean, referenceSource: "mean of the three phases"))
        }
        return [
            Finding(
                fault: .phaseCurrentUnbalance, asset: context.asset, location: context.location,
                component: "supply / stator winding, phase \(names[worst])", severity: severity,
                confidence: min(0.95, 0.6 + percent / 50), evidence: evidence,
                action: severity >= .high
                    ? "measure the supply voltages and the winding resistances now; check terminals and contactor contacts for heating"
                    : "measure the supply voltage unbalance and check the terminals and contactor at the next round")
        ]
    }

    /// Broken rotor bars from one block of stator current (one phase).
    /// - Parameters:
    ///   - slip: slip (0…1) from the speed tag: s = 1 − n / n_sync.
    /// - Throws: `emptyInput`, `nonFiniteSample`, `invalidSampleRate`, `invalidParameter` (slip outside
    ///   (0, 0.2), bad line frequency), `bandAboveNyquist`, `insufficientData` (the resolution cannot separate the
    ///   sidebands from the line: fewer than 4 bins between them).
    public func diagnoseRotor(
        current: [Double], sampleRate: Double, lineFrequency: Double, slip: Double, context: MachineContext
    ) throws(AnalyticsError) -> [Finding] {
        try Validation.requireSignal(current, "current")
        try Validation.requireSampleRate(sampleRate)
        guard lineFrequency.isFinite, lineFrequency > 0 else {
            throw AnalyticsError(.invalidParameter, "lineFrequency is \(lineFrequency) Hz; it must be above 0")
        }
        guard slip.isFinite, slip > 0, slip < 0.2 else {
            throw AnalyticsError(.invalidParameter, "slip is \(slip); a running induction motor has 0 < s < 0.2")
        }
        try Validation.requireFrequency(lineFrequency * (1 + 2 * slip), "the upper sideband", sampleRate: sampleRate)
        let spacing = 2 * slip * lineFrequency
        let resolution = sampleRate / Double(current.count)
        guard spacing >= 4 * resolution else {
            throw AnalyticsError(
                .insufficientData,
                "the sidebands are \(DecimalFormat.string(spacing)) Hz from the line but the resolution is \(DecimalFormat.string(resolution)) Hz; record at least \(Int((4 / spacing).rounded(.up))) s")
        }
        // Blackman-Harris: −92 dB side lobes, so the line's leakage does not mask sidebands 50 dB down.
        let spectrum = try AmplitudeSpectrum(signal: current, sampleRate: sampleRate, window: .blackmanHarris, removeMean: true)
        let line = SpectrumReading.line(in: spectrum, near: lineFrequency, relativeTolerance: 0.01)
        guard line.amplitude > 0 else { return [] }
        let tolerance = 0.15 * spacing / lineFrequency
        var strongest: (frequency: Double, amplitude: Double, floor: Double, label: String)?
        for (sign, label) in [(-1.0, "f(1−2s)"), (1.0, "f(1+2s)")] {
            let expected = lineFrequency + sign * spacing
            let reading = SpectrumReading.line(in: spectrum, near: expected, relativeTolerance: tolerance / (1 + sign * 2 * slip))
            let floor = SpectrumReading.floor(in: spectrum, at: expected, halfWidth: 20, guardBins: 4)
            guard reading.found, reading.amplitude >= 3 * floor else { continue }
            if let current = strongest, current.amplitude >= reading.amplitude { continue }
            strongest = (reading.frequency, reading.amplitude, floor, label)
        }
        guard let sideband = strongest else { return [] }
        let decibelsBelow = 20 * log10(line.amplitude / sideband.amplitude)
        let severity: FindingSeverity =
            decibelsBelow > 50 ? .none : decibelsBelow > 43 ? .low : decibelsBelow > 40 ? .moderate : decibelsBelow > 35 ? .high : .critical
        guard severity > .none else { return [] }
        let evidence = [
            Evidence(
                measurement: "stator current sideband \(sideband.label), dB below the line component",
                label: "2·s·f = \(DecimalFormat.string(spacing)) Hz from \(DecimalFormat.compact(lineFrequency)) Hz",
                frequency: sideband.frequency, value: decibelsBelow, unit: "dB", reference: 50,
                referenceSource: "Thomson & Fenger healthy limit"),
            Evidence(
                measurement: "stator current sideband amplitude", frequency: sideband.frequency, value: sideband.amplitude,
                unit: "A", reference: sideband.floor, referenceSource: "local noise floor"),
            Evidence(measurement: "line component", frequency: line.frequency, value: line.amplitude, unit: "A"),
        ]
        return [
            Finding(
                fault: .brokenRotorBar, asset: context.asset, location: context.location, component: "rotor cage",
                severity: severity, confidence: min(0.95, 0.55 + (50 - decibelsBelow) / 30), evidence: evidence,
                action: severity >= .high
                    ? "plan a rotor inspection or replacement; avoid frequent direct-on-line starts until then"
                    : "repeat the current signature at full load monthly and trend the sideband level")
        ]
    }
}
