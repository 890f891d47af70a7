/// A diagnosis a reliability engineer can act on and check: what is wrong, where, how badly, how sure we are,
/// the measurements that say so, and what to do.
///
/// ```
/// outer-race bearing defect, drive end (6205) of pump-1, moderate (confidence 0.85): envelope spectrum peak at
/// 107.38 Hz (3.58× running speed) = BPFO of 6205: 0.052 g against baseline 0.004 g (13.0×); … Action: plan
/// bearing replacement at the next stop; check lubrication now.
/// ```
///
/// `explanation` is one paragraph built from the other fields; `explained(with:)` adds what other parts of the
/// platform know (the ISO 10816 zone, the trend, the remaining useful life).
public struct Finding: Hashable, Sendable, Codable {
    public var fault: DiagnosedFault
    /// The asset, from `MachineContext.asset`.
    public var asset: String
    /// Where on the asset ("drive end"), or empty.
    public var location: String
    /// The component concerned ("6205 (CWRU bearing data centre)", "stator winding"), or empty.
    public var component: String
    public var severity: FindingSeverity
    /// 0…1: how well the pattern matches (how many of its expected symptoms are present and how clearly).
    public var confidence: Double
    /// The measurements, strongest first.
    public var evidence: [Evidence]
    /// What to do, in the imperative.
    public var action: String
    /// Extra sentences from other analyses (zone, trend, remaining life), appended to the explanation.
    public var context: [String]

    public init(
        fault: DiagnosedFault, asset: String, location: String = "", component: String = "",
        severity: FindingSeverity, confidence: Double, evidence: [Evidence], action: String, context: [String] = []
    ) {
        self.fault = fault
        self.asset = asset
        self.location = location
        self.component = component
        self.severity = severity
        self.confidence = confidence.isFinite ? min(1, max(0, confidence)) : 0
        self.evidence = evidence
        self.action = action
        self.context = context
    }

    /// One paragraph for people: fault, location, severity and confidence, the evidence, the context, the action.
    public var explanation: String {
        var head = fault.displayName
        if !location.isEmpty { head += ", \(location)" }
        if !component.isEmpty { head += " (\(component))" }
        if !asset.isEmpty { head += " of \(asset)" }
        head += ", \(severity.rawValue) (confidence \(DecimalFormat.string(confidence)))"
        var parts = [head + ": " + evidence.map(\.summary).joined(separator: "; ")]
        parts.append(contentsOf: context)
        parts.append("Action: \(action)")
        return parts.joined(separator: ". ") + "."
    }

    /// This finding with a sentence of context added, e.g. the ISO 10816 assessment or a remaining-life estimate.
    public func explained(with sentence: String) -> Finding {
        var copy = self
        copy.context.append(sentence)
        return copy
    }

    /// This finding with the overall severity assessment (ISO 10816 zone) added to its context.
    public func explained(with assessment: SeverityAssessment) -> Finding {
        explained(with: assessment.explanation)
    }
}
