import Analytics
import MillraceCore

/// The remaining-life sentence of an open finding: its primary evidence (the first evidence item with a
/// reference: for a bearing defect, the defect line against the envelope noise floor) trended block after block
/// by a `DegradationRULEstimator` (linear) toward the ratio at which the diagnoser calls the fault critical.
/// After `minimumBlocks` blocks the finding's explanation gets "estimated 9–16 hours to the critical limit …".
/// A pure value; the condition monitor keeps one per asset and fault while the fault is seen.
public struct FindingTrend: Sendable {
    /// The ratio of the primary evidence at which each diagnoser calls a fault critical (the diagnosers'
    /// documented limits; BearingDiagnoser: fundamental ≥ 50× the noise floor). Faults not listed get no
    /// remaining-life sentence: their primary evidence is not the quantity their severity is judged on.
    public static let criticalRatios: [DiagnosedFault: Double] = [
        .outerRaceDefect: 50, .innerRaceDefect: 50, .ballDefect: 50,
    ]

    public let fault: DiagnosedFault
    public let minimumBlocks: Int
    private var estimator: DegradationRULEstimator
    private let origin: Timestamp

    /// nil when the fault has no critical ratio.
    public init?(fault: DiagnosedFault, origin: Timestamp, minimumBlocks: Int = 6) {
        guard let threshold = Self.criticalRatios[fault],
            let estimator = try? DegradationRULEstimator(kind: .linear, threshold: threshold)
        else { return nil }
        self.fault = fault
        self.origin = origin
        self.minimumBlocks = max(3, minimumBlocks)
        self.estimator = estimator
    }

    public var observationCount: Int { estimator.observationCount }

    /// Adds the block's finding at `time`; returns the sentence once there are enough blocks and the trend rises,
    /// else nil.
    public mutating func observe(_ finding: Finding, at time: Timestamp) -> String? {
        guard let ratio = finding.evidence.first(where: { $0.ratio != nil })?.ratio, ratio.isFinite else { return nil }
        let hours = (time - origin).secondsDouble / 3600
        do throws(AnalyticsError) {
            try estimator.update(with: HealthObservation(time: hours, value: ratio))
            // At or past the limit the finding is critical itself; "0 hours to the limit" would say nothing.
            guard estimator.observationCount >= minimumBlocks, ratio < estimator.threshold else { return nil }
            let estimate = try estimator.estimate(now: hours)
            guard estimate.probabilityOfCrossing >= 0.5, estimate.median.isFinite else { return nil }
            let limit = "the critical limit (\(Int(estimator.threshold))× its reference)"
            if estimate.median > 72 {
                var days = estimate
                days.lower /= 24
                days.median /= 24
                days.upper /= 24
                return days.sentence(unit: "days", limitName: limit)
            }
            return estimate.sentence(unit: "hours", limitName: limit)
        } catch {
            return nil
        }
    }
}
