/// Pump cavitation from broadband high-frequency vibration together with discharge pressure fluctuation.
///
/// Method: collapsing vapour bubbles give broadband noise over roughly 2–10 kHz (ISO 13373-2 Annex A;
/// Hydraulic Institute ANSI/HI 9.6.1 on NPSH margin), and the unsteady flow makes the discharge pressure
/// fluctuate. The vibration part is the acceleration in `VibrationMeasurement.midBand` (default 5.5–8 kHz: inside
/// the cavitation band but above the usual housing resonances that bearing impacts excite) against the baseline.
/// The pressure part is the short-term fluctuation σ_δ = RMS of successive differences / √2 (von Neumann 1941),
/// which ignores slow set-point changes, against the same statistic in the baseline period.
///
/// Rule: mid-band ratio ≥ `riseRatio` and ≥ 0.9 × the high-band ratio (lubrication noise is centred higher), and,
/// when pressure is given, its fluctuation ratio ≥ `riseRatio`. Without pressure the finding is reported at lower
/// confidence. Severity from the mid-band ratio: ≥ 2 low, ≥ 4 moderate, ≥ 10 high, ≥ 25 critical.
public struct CavitationDiagnoser: Hashable, Sendable {
    public var riseRatio: Double

    public init(riseRatio: Double = 2) {
        self.riseRatio = riseRatio
    }

    /// The short-term fluctuation of a pressure record: RMS of successive differences / √2.
    /// - Throws: `insufficientData` for fewer than 3 samples, `nonFiniteSample`.
    public static func fluctuation(of pressure: [Double]) throws(AnalyticsError) -> Double {
        guard pressure.count >= 3 else {
            throw AnalyticsError(.insufficientData, "a pressure fluctuation needs at least 3 samples, not \(pressure.count)")
        }
        try Validation.requireFinite(pressure, "pressure")
        var sum = 0.0
        for index in 1..<pressure.count {
            let d = pressure[index] - pressure[index - 1]
            sum += d * d
        }
        return (sum / Double(pressure.count - 1) / 2).squareRoot()
    }

    /// - Parameters:
    ///   - dischargePressure: recent discharge pressure samples (e.g. the last minute at 1 s) and the
    ///     fluctuation of the baseline period (`fluctuation(of:)`), in the same unit.
    /// - Throws: `invalidParameter` for a bad running speed or ratio; `insufficientData`, `nonFiniteSample` for
    ///   the pressure record or a baseline without mid-band energy.
    public func diagnose(
        _ measurement: VibrationMeasurement, context: MachineContext, baseline: VibrationBaseline,
        dischargePressure: (samples: [Double], baselineFluctuation: Double)? = nil, pressureUnit: String = "bar"
    ) throws(AnalyticsError) -> [Finding] {
        try context.validate()
        guard riseRatio.isFinite, riseRatio > 1 else {
            throw AnalyticsError(.invalidParameter, "riseRatio is \(riseRatio); it must be above 1")
        }
        guard baseline.midBandRMS > 0, baseline.highBandRMS > 0 else {
            throw AnalyticsError(.insufficientData, "baseline '\(baseline.name)' has no high-frequency energy to compare with")
        }
        let midRatio = measurement.midBandRMS / baseline.midBandRMS
        let highRatio = measurement.highBandRMS / baseline.highBandRMS
        guard midRatio >= riseRatio, midRatio >= 0.9 * highRatio else { return [] }
        let unit = measurement.unit.rawValue
        var evidence = [
            Evidence(
                measurement: "broadband acceleration RMS in \(measurement.midBand)", value: measurement.midBandRMS,
                unit: unit, reference: baseline.midBandRMS, referenceSource: baseline.sourceName)
        ]
        var confidence = 0.45 + 0.1 * min(2, midRatio / riseRatio - 1)
        if let pressure = dischargePressure {
            guard pressure.baselineFluctuation.isFinite, pressure.baselineFluctuation > 0 else {
                throw AnalyticsError(.invalidParameter, "the baseline pressure fluctuation must be finite and above 0")
            }
            let fluctuation = try Self.fluctuation(of: pressure.samples)
            let ratio = fluctuation / pressure.baselineFluctuation
            guard ratio >= riseRatio else { return [] }
            confidence += 0.3
            evidence.append(
                Evidence(
                    measurement: "discharge pressure fluctuation (successive differences)", value: fluctuation,
                    unit: pressureUnit, reference: pressure.baselineFluctuation, referenceSource: "baseline period"))
        }
        let severity = FindingSeverity.from(ratio: midRatio, limits: (2, 4, 10, 25))
        let action =
            severity >= .high
            ? "raise the suction head now (tank level, open suction valve, clean the strainer) or reduce flow; inspect the impeller for pitting at the next stop"
            : "check the suction side (strainer, valve, tank level) and the operating point against NPSH required"
        return [
            Finding(
                fault: .cavitation, asset: context.asset, location: context.location, component: "pump impeller / suction",
                severity: severity, confidence: min(0.95, confidence), evidence: evidence, action: action)
        ]
    }
}
