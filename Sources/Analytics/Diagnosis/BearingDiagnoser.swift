/// Rolling-element bearing defects from the envelope spectrum: outer race (BPFO), inner race (BPFI with ±1×
/// sidebands) and rolling elements (2×BSF with ±FTF sidebands).
///
/// Method: the high-frequency resonance technique (McFadden & Smith 1984; Randall & Antoni 2011). Each line of a
/// defect's pattern (`BearingPattern`) is looked for within ±`slipTolerance` of its kinematic frequency — the
/// elements slip 1–2 % (Randall & Antoni §2.1), and catalogue geometry is approximate — and compared with a
/// reference: the larger of the local noise floor (median of the neighbouring bins) and the amplitude the
/// baseline had at that line. A defect is reported when its fundamental stands `detectionRatio` above the
/// reference and a harmonic or sideband confirms it (or the fundamental alone is twice as clear).
///
/// Severity, from the fundamental's ratio to its reference: ≥ 4 low, ≥ 8 moderate, ≥ 20 high, ≥ 50 critical
/// (about 12, 18, 26 and 34 dB above the floor) — consistent with the four stages of bearing wear in ISO 13373-3
/// Annex B, where discrete envelope lines appear in stage 2 and grow with spalling.
public struct BearingDiagnoser: Hashable, Sendable {
    static let defaultHarmonics = 3
    /// Relative tolerance of every line frequency (slip).
    public var slipTolerance: Double
    /// Ratio to the reference the fundamental must reach.
    public var detectionRatio: Double
    /// Ratio a harmonic or sideband must reach to confirm.
    public var confirmationRatio: Double
    public var harmonics: Int

    public init(slipTolerance: Double = 0.02, detectionRatio: Double = 4, confirmationRatio: Double = 3, harmonics: Int = 3) {
        self.slipTolerance = slipTolerance
        self.detectionRatio = detectionRatio
        self.confirmationRatio = confirmationRatio
        self.harmonics = harmonics
    }

    /// The bearing findings for one measurement, most confident first; empty when the bearing looks healthy.
    /// - Throws: `invalidParameter` for a bad running speed, a context without a bearing, or bad tolerances.
    public func diagnose(
        _ measurement: VibrationMeasurement, context: MachineContext, baseline: VibrationBaseline? = nil
    ) throws(AnalyticsError) -> [Finding] {
        try context.validate()
        guard let bearing = context.bearing else {
            throw AnalyticsError(.invalidParameter, "bearing diagnosis needs the bearing at \(context.asset) \(context.location)")
        }
        guard slipTolerance.isFinite, slipTolerance >= 0, slipTolerance < 0.2, detectionRatio.isFinite,
            detectionRatio > 1, confirmationRatio.isFinite, confirmationRatio > 1, harmonics >= 1, harmonics <= 10
        else {
            throw AnalyticsError(.invalidParameter, "the bearing diagnoser's tolerance, ratios or harmonic count are out of range")
        }
        let fr = context.shaftFrequency
        let defects = try bearing.geometry.defectFrequencies(shaftFrequency: fr)
        var findings: [Finding] = []
        for pattern in BearingPattern.all(for: defects, harmonics: harmonics) {
            if let finding = assess(pattern, measurement: measurement, context: context, bearing: bearing, baseline: baseline) {
                findings.append(finding)
            }
        }
        return Self.removingShadows(findings, tolerance: slipTolerance, resolution: measurement.envelope.frequencyResolution)
            .sorted { $0.confidence > $1.confidence }
    }

    /// Drops a finding whose fundamental coincides with a line of a clearer finding: with some geometries a line
    /// of one pattern falls within the slip tolerance of another's (on a 6309, 2×BSF is 1.3 % from BPFI − 1×),
    /// and the weaker pattern is then an echo of the stronger, not a second defect.
    static func removingShadows(_ findings: [Finding], tolerance: Double, resolution: Double) -> [Finding] {
        func fundamental(_ finding: Finding) -> (frequency: Double, ratio: Double)? {
            guard let first = finding.evidence.first, let frequency = first.frequency else { return nil }
            return (frequency, first.ratio ?? 0)
        }
        return findings.filter { finding in
            guard let own = fundamental(finding) else { return true }
            return !findings.contains { other in
                guard other != finding, let theirs = fundamental(other), theirs.ratio > own.ratio else { return false }
                return other.evidence.contains { line in
                    guard let frequency = line.frequency else { return false }
                    return abs(frequency - own.frequency) <= tolerance * own.frequency + 2 * resolution
                }
            }
        }
    }

    private func assess(
        _ pattern: BearingPattern, measurement: VibrationMeasurement, context: MachineContext,
        bearing: BearingCatalogueEntry, baseline: VibrationBaseline?
    ) -> Finding? {
        let spectrum = measurement.envelope
        let fr = context.shaftFrequency
        var fundamentalRatio = 0.0
        var confirmations = 0
        var sidebands = 0
        var evidence: [Evidence] = []
        for line in pattern.lines where line.frequency > 0 && line.frequency < spectrum.maximumFrequency {
            let reading = SpectrumReading.line(in: spectrum, near: line.frequency, relativeTolerance: slipTolerance)
            let floor = SpectrumReading.floor(in: spectrum, at: line.frequency)
            let learned = baseline?.envelopeLines[line.label]
            let usesBaseline = (learned ?? 0) > floor
            let reference = max(floor, learned ?? 0, 1e-12)
            let ratio = reading.found ? reading.amplitude / reference : 0
            switch line.role {
            case .fundamental: fundamentalRatio = ratio
            case .harmonic: if ratio >= confirmationRatio { confirmations += 1 }
            case .sideband: if ratio >= confirmationRatio { confirmations += 1; sidebands += 1 }
            }
            guard line.role == .fundamental || ratio >= confirmationRatio else { continue }
            evidence.append(
                Evidence(
                    measurement: "envelope spectrum peak (\(measurement.envelopeBand) band)",
                    label: "\(line.label) of \(bearing.designation)", frequency: reading.frequency,
                    order: reading.frequency / fr, value: reading.amplitude, unit: measurement.unit.rawValue,
                    reference: reference,
                    referenceSource: usesBaseline ? (baseline?.sourceName ?? "baseline") : "local noise floor"))
        }
        let detected =
            fundamentalRatio >= detectionRatio && (confirmations >= 1 || fundamentalRatio >= 2 * detectionRatio)
        guard detected else { return nil }
        let severity = FindingSeverity.from(ratio: fundamentalRatio, limits: (4, 8, 20, 50))
        // Confidence: clarity of the fundamental, plus each confirming line; a modulated pattern (inner race,
        // ball) without its sidebands is less certain.
        var confidence = 0.45 + 0.25 * min(1, (fundamentalRatio - detectionRatio) / (4 * detectionRatio))
        confidence += 0.1 * Double(min(3, confirmations))
        if pattern.fault != .outerRaceDefect && sidebands == 0 { confidence *= 0.8 }
        if let kurtosis = measurement.features.kurtosis, kurtosis > 4 { confidence += 0.03 }
        evidence.append(
            Evidence(
                measurement: "radial acceleration kurtosis", value: measurement.features.kurtosis ?? 0, unit: "",
                reference: baseline?.kurtosis ?? 3, referenceSource: baseline.map { $0.sourceName } ?? "Gaussian noise"))
        return Finding(
            fault: pattern.fault, asset: context.asset, location: context.location,
            component: "\(bearing.designation), geometry: \(bearing.source)", severity: severity,
            confidence: min(0.97, confidence), evidence: evidence, action: Self.action(for: severity))
    }

    static func action(for severity: FindingSeverity) -> String {
        switch severity {
        case .none, .low: "trend the envelope spectrum weekly; check lubrication at the next round"
        case .moderate: "plan bearing replacement at the next stop; check lubrication now"
        case .high: "replace the bearing at the next stop (within days); check lubrication now"
        case .critical: "stop the machine and replace the bearing as soon as possible"
        }
    }
}
