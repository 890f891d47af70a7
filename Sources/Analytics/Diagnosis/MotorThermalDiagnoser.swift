/// Winding overheating: the measured winding temperature against the motor's own thermal model, separating
/// overload (the current explains the heat) from lost cooling (it does not).
///
/// Rules (IEC 60034-1 §8 thermal classes; IEC 60034-11): over the last `window` seconds,
/// - **overload**: mean current ≥ 105 % of rated. Severity from the current ratio: ≥ 1.05 low, ≥ 1.10 moderate,
///   ≥ 1.20 high, ≥ 1.30 critical;
/// - **lost cooling / excess heat**: mean (measured − modelled) ≥ `excessLimit` (default 8 K, and at least 4× the
///   model's training residual). Severity from the excess: ≥ 8 K low, ≥ 15 K moderate, ≥ 25 K high;
/// - either is critical once the winding reaches `insulationLimit` (default 145 °C: class F, 155 °C, less a 10 K
///   hot-spot allowance).
public struct MotorThermalDiagnoser: Hashable, Sendable {
    public var excessLimit: Double
    public var insulationLimit: Double
    /// The period at the end of the record that is judged, s.
    public var window: Double

    public init(excessLimit: Double = 8, insulationLimit: Double = 145, window: Double = 600) {
        self.excessLimit = excessLimit
        self.insulationLimit = insulationLimit
        self.window = window
    }

    /// - Parameter samples: the recent history, oldest first, long enough for the model to settle (≥ 3τ before
    ///   the judged window is best; the model starts at the steady state of the first sample).
    /// - Throws: `emptyInput`, `nonFiniteSample`, `invalidParameter` (times going backwards, bad limits).
    public func diagnose(
        _ samples: [MotorThermalSample], model: MotorThermalModel, context: MachineContext
    ) throws(AnalyticsError) -> [Finding] {
        try MotorThermalModel.validate(samples)
        guard excessLimit.isFinite, excessLimit > 0, insulationLimit.isFinite, window.isFinite, window >= 0,
            model.ratedCurrent > 0, model.ratedCurrent.isFinite
        else {
            throw AnalyticsError(.invalidParameter, "the thermal diagnoser's limits, window or model are out of range")
        }
        let expected = model.expectedTemperatures(for: samples)
        let end = samples[samples.count - 1].time
        let judged = samples.indices.filter { samples[$0].time >= end - window }
        let n = Double(judged.count)
        let measured = judged.map { samples[$0].windingTemperature }.reduce(0, +) / n
        let modelled = judged.map { expected[$0] }.reduce(0, +) / n
        let current = judged.map { samples[$0].current }.reduce(0, +) / n
        let currentRatio = current / model.ratedCurrent
        let excess = measured - modelled
        let limit = max(excessLimit, 4 * model.residualRMS)

        let overload = currentRatio >= 1.05
        let hot = excess >= limit
        guard overload || hot || measured >= insulationLimit else { return [] }
        var severity: FindingSeverity
        var evidence: [Evidence] = []
        let action: String
        if overload {
            severity = FindingSeverity.from(ratio: currentRatio, limits: (1.05, 1.10, 1.20, 1.30))
            evidence.append(
                Evidence(
                    measurement: "line current (mean of the last \(Int(window)) s)", value: current, unit: "A",
                    reference: model.ratedCurrent, referenceSource: "rated current"))
            action = "reduce the load or check the driven machine (clogging, wrong operating point); check the protection relay setting"
        } else {
            severity = FindingSeverity.from(ratio: excess, limits: (limit, max(limit, 15), max(limit, 25), .infinity))
            action = "check the motor's cooling now: fan, fan cowl, fins and the room's ventilation"
        }
        if measured >= insulationLimit { severity = .critical }
        evidence.append(
            Evidence(
                measurement: "winding temperature (mean of the last \(Int(window)) s)", value: measured, unit: "°C",
                reference: modelled,
                referenceSource: "thermal model at this current (ΔT rated \(Evidence.format(model.ratedRise)) K, τ \(Int(model.timeConstant / 60)) min)"))
        if !overload {
            evidence.append(
                Evidence(
                    measurement: "line current (mean of the last \(Int(window)) s)", value: current, unit: "A",
                    reference: model.ratedCurrent, referenceSource: "rated current"))
        }
        let confidence = overload ? 0.85 : min(0.95, 0.6 + 0.1 * excess / limit)
        return [
            Finding(
                fault: .windingOverheating, asset: context.asset, location: context.location,
                component: overload ? "stator winding (overload)" : "stator winding (cooling)", severity: severity,
                confidence: confidence, evidence: evidence, action: action)
        ]
    }
}
