/// Inadequate lubrication from a rising high-frequency noise floor (metal-to-metal contact through a thinning
/// film) and, when measured, a bearing temperature above its baseline.
///
/// Method: ISO 13373-2 §5.4 and ISO 13381-1 Annex A list high-frequency acceleration (the "HFD"/spike-energy
/// family) as the first symptom of lubricant starvation, before any discrete defect line appears; the noise is
/// broadband and centred high, so the energy in `VibrationMeasurement.highBand` rises more than in the lower
/// `midBand` (where impacts ringing the housing resonance and cavitation noise sit). Rule: highBandRMS ≥
/// `riseRatio` × baseline and its ratio ≥ 1.2 × the mid-band ratio. Severity from the high-band ratio: ≥ 2 low,
/// ≥ 3 moderate, ≥ 6 high, ≥ 12 critical; a bearing ≥ 15 K above its baseline temperature raises it one level.
public struct LubricationDiagnoser: Hashable, Sendable {
    public var riseRatio: Double
    /// Temperature rise over the baseline that supports the finding, K.
    public var temperatureRise: Double

    public init(riseRatio: Double = 2, temperatureRise: Double = 5) {
        self.riseRatio = riseRatio
        self.temperatureRise = temperatureRise
    }

    /// - Parameters:
    ///   - bearingTemperature: the bearing temperature now, °C, and what it was under the same conditions in the
    ///     baseline period (the caller normalises for load and ambient, e.g. with `ModeBinnedBaseline`).
    /// - Throws: `invalidParameter` for a bad running speed, ratios or non-finite temperatures; `insufficientData`
    ///   when the baseline has no high-band energy.
    public func diagnose(
        _ measurement: VibrationMeasurement, context: MachineContext, baseline: VibrationBaseline,
        bearingTemperature: (current: Double, baseline: Double)? = nil
    ) throws(AnalyticsError) -> [Finding] {
        try context.validate()
        guard riseRatio.isFinite, riseRatio > 1, temperatureRise.isFinite else {
            throw AnalyticsError(.invalidParameter, "riseRatio must be above 1 and temperatureRise finite")
        }
        guard baseline.highBandRMS > 0, baseline.midBandRMS > 0 else {
            throw AnalyticsError(.insufficientData, "baseline '\(baseline.name)' has no high-frequency energy to compare with")
        }
        if let temperature = bearingTemperature, !temperature.current.isFinite || !temperature.baseline.isFinite {
            throw AnalyticsError(.invalidParameter, "the bearing temperatures must be finite")
        }
        let highRatio = measurement.highBandRMS / baseline.highBandRMS
        let midRatio = measurement.midBandRMS / baseline.midBandRMS
        guard highRatio >= riseRatio, highRatio >= 1.2 * midRatio else { return [] }
        var severity = FindingSeverity.from(ratio: highRatio, limits: (2, 3, 6, 12))
        var confidence = 0.55 + 0.1 * min(2, highRatio / riseRatio - 1) + 0.1 * min(1, (highRatio / midRatio - 1.2) / 0.8)
        let unit = measurement.unit.rawValue
        var evidence = [
            Evidence(
                measurement: "acceleration RMS in \(measurement.highBand)", value: measurement.highBandRMS, unit: unit,
                reference: baseline.highBandRMS, referenceSource: baseline.sourceName),
            Evidence(
                measurement: "acceleration RMS in \(measurement.midBand) (rises less: broadband, high-centred noise)",
                value: measurement.midBandRMS, unit: unit, reference: baseline.midBandRMS,
                referenceSource: baseline.sourceName),
        ]
        if let temperature = bearingTemperature {
            let rise = temperature.current - temperature.baseline
            evidence.append(
                Evidence(
                    measurement: "bearing temperature", value: temperature.current, unit: "°C",
                    reference: temperature.baseline, referenceSource: "baseline at the same load"))
            if rise >= temperatureRise { confidence += 0.15 }
            if rise >= 15, let raised = FindingSeverity.allCases.first(where: { $0.rank == severity.rank + 1 }) {
                severity = raised
            }
        }
        let action =
            severity >= .high
            ? "re-lubricate now with the specified grease and quantity, check the grease path; if the noise floor stays high, plan a bearing change"
            : "re-lubricate at the next round with the specified grease and quantity; check the lubrication interval"
        return [
            Finding(
                fault: .lubrication, asset: context.asset, location: context.location,
                component: context.bearing.map { $0.designation } ?? "bearing", severity: severity,
                confidence: min(0.95, confidence), evidence: evidence, action: action)
        ]
    }
}
