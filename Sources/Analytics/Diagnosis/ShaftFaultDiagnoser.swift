/// Imbalance, misalignment and looseness from the radial and axial velocity spectra at multiples of running
/// speed, compared with the machine's baseline.
///
/// Rules (ISO 13373-2 Annex A / ISO 13379-1 symptom tables; Mitchell, *Machinery Analysis and Monitoring*):
/// - **imbalance**: the radial 1× rises (≥ `riseRatio` × baseline) and carries the rise: its increase is at least
///   3× the increase of any harmonic, and axial 1× stays below 75 % of radial 1×;
/// - **misalignment**: 2× radial and axial 1×/2× rise, the axial reading reaching ≥ 50 % of radial 1×
///   (without an axial channel: 2× ≥ 50 % of 1× radial, at lower confidence);
/// - **looseness**: at least three half-harmonics (0.5×, 1.5×, …), or three harmonics from 4× to 10× and one
///   half-harmonic, rise above the baseline and the noise floor (harmonics alone could be bearing tones
///   modulated at 1× that fall within a bin of an integer order).
///
/// Severity: the zone of the fault's largest component under the context's `SeverityCriteria` (zone A low,
/// B moderate, C high, D critical). A component counts only once it has risen, so a machine that simply runs
/// rough from new is not flagged. Without a baseline the ratios are taken against the noise floor only.
public struct ShaftFaultDiagnoser: Hashable, Sendable {
    /// How many times the baseline a component must reach to count as risen.
    public var riseRatio: Double
    /// The smallest rise that counts, mm/s RMS (below it, a doubling is noise).
    public var minimumRise: Double

    public init(riseRatio: Double = 2, minimumRise: Double = 0.3) {
        self.riseRatio = riseRatio
        self.minimumRise = minimumRise
    }

    private struct Component {
        var label: String
        var frequency: Double
        var value: Double
        var reference: Double
        var fromBaseline: Bool
        var axial: Bool
        var rise: Double { value - reference }
        var ratio: Double { reference > 0 ? value / reference : 0 }
    }

    /// The shaft findings for one measurement; empty when the running-speed pattern is as in the baseline.
    /// - Throws: `invalidParameter` for a bad running speed or bad ratios.
    public func diagnose(
        _ measurement: VibrationMeasurement, context: MachineContext, baseline: VibrationBaseline? = nil
    ) throws(AnalyticsError) -> [Finding] {
        try context.validate()
        guard riseRatio.isFinite, riseRatio > 1, minimumRise.isFinite, minimumRise >= 0 else {
            throw AnalyticsError(.invalidParameter, "riseRatio must be above 1 and minimumRise ≥ 0")
        }
        let fr = context.shaftFrequency
        func component(_ order: Double, axial: Bool) -> Component? {
            guard let reading = measurement.velocity(atOrder: order, shaftFrequency: fr, axial: axial) else { return nil }
            let spectrum = axial ? measurement.axialSpectrum : measurement.spectrum
            let floorAcceleration = spectrum.map { SpectrumReading.floor(in: $0, at: reading.frequency) } ?? 0
            let scale = measurement.unit.metresPerSecondSquared * 1000 / (2 * Double.pi * reading.frequency * 2.0.squareRoot())
            let floor = floorAcceleration * scale
            let learned = baseline?.velocity(atOrder: order, axial: axial)
            let reference = max(floor, learned ?? 0, 1e-9)
            let label = order == order.rounded() ? "\(Int(order))×" : "\(DecimalFormat.string(order, places: 1))×"
            return Component(
                label: label + (axial ? " axial" : " radial"), frequency: reading.frequency, value: reading.velocity,
                reference: reference, fromBaseline: (learned ?? 0) >= floor, axial: axial)
        }
        func risen(_ c: Component?) -> Bool {
            guard let c else { return false }
            return c.ratio >= riseRatio && c.rise >= minimumRise
        }
        let radial = (1...10).map { component(Double($0), axial: false) }
        let halves = (0...9).map { component(Double($0) + 0.5, axial: false) }
        let axial1 = component(1, axial: true)
        let axial2 = component(2, axial: true)
        guard let r1 = radial[0] else { return [] }
        var findings: [Finding] = []

        // Looseness first: it raises 1× and 2× as well, and explains them.
        let risenHalves = halves.compactMap { $0 }.filter { $0.ratio >= riseRatio + 0.5 && $0.rise >= minimumRise / 3 }
        let risenHigh = radial[3...].compactMap { $0 }.filter { risen($0) || ($0.ratio >= riseRatio + 0.5 && $0.rise >= minimumRise / 3) }
        // Harmonics alone are not enough: a modulated bearing tone (BPFI ± k×) can sit within a bin of 4×, 5×, 6×.
        let loose = risenHalves.count >= 3 || (risenHigh.count >= 3 && risenHalves.count >= 1)
        if loose {
            let parts = (risenHalves + risenHigh).sorted { $0.rise > $1.rise }
            let confidence = 0.5 + 0.05 * Double(min(8, risenHalves.count + risenHigh.count))
                + (risenHalves.count >= 3 && risenHigh.count >= 3 ? 0.1 : 0)
            findings.append(
                finding(.looseness, parts: Array(parts.prefix(6)), extra: [], context: context, measurement: measurement,
                        baseline: baseline, confidence: confidence,
                        action: "check foundation bolts, bearing housing fits and the baseplate for cracks; tighten at the next stop"))
        }

        let harmonicRise = radial[1...].compactMap { $0 }.map(\.rise).max() ?? 0
        let axialDominant = (axial1?.value ?? 0) >= 0.75 * r1.value
        if risen(r1) && r1.rise >= 3 * max(harmonicRise, 0) && !axialDominant && !loose {
            findings.append(
                finding(.imbalance, parts: [r1], extra: [radial[1]].compactMap { $0 } + [axial1].compactMap { $0 },
                        context: context, measurement: measurement, baseline: baseline,
                        confidence: min(0.95, 0.6 + 0.1 * (r1.ratio - riseRatio)),
                        action: "check the rotor for build-up, wear or a lost balance weight; balance in place (ISO 21940-11 grade G6.3)"))
        }

        if let r2 = radial[1] {
            let axialMax = max(axial1?.value ?? 0, axial2?.value ?? 0)
            let axialRisen = risen(axial1) || risen(axial2)
            let hasAxial = measurement.axialSpectrum != nil
            let misaligned: Bool
            var confidence: Double
            if hasAxial {
                misaligned = axialRisen && axialMax >= 0.5 * r1.value && (risen(r2) || axialMax >= r1.value)
                confidence = 0.65 + (risen(r2) ? 0.15 : 0) + (axialMax >= r1.value ? 0.1 : 0)
            } else {
                misaligned = risen(r2) && r2.value >= 0.5 * r1.value && !loose
                confidence = 0.5
            }
            if misaligned {
                let parts = [r2, axial1, axial2].compactMap { $0 }.filter { risen($0) }
                findings.append(
                    finding(.misalignment, parts: parts.isEmpty ? [r2] : parts, extra: [r1], context: context,
                            measurement: measurement, baseline: baseline, confidence: confidence,
                            action: "check coupling alignment (laser) and soft foot at the next stop; inspect the coupling"))
            }
        }
        return findings.sorted { $0.confidence > $1.confidence }
    }

    private func finding(
        _ fault: DiagnosedFault, parts: [Component], extra: [Component], context: MachineContext,
        measurement: VibrationMeasurement, baseline: VibrationBaseline?, confidence: Double, action: String
    ) -> Finding {
        let largest = parts.map(\.value).max() ?? 0
        let zone = context.severityCriteria.limits.zone(of: largest)
        let severity: FindingSeverity =
            switch zone {
            case .a: .low
            case .b: .moderate
            case .c: .high
            case .d: .critical
            }
        let fr = context.shaftFrequency
        var evidence = (parts + extra).map { c in
            Evidence(
                measurement: c.axial ? "axial velocity spectrum" : "radial velocity spectrum", label: c.label,
                frequency: c.frequency, order: c.frequency / fr, value: c.value, unit: "mm/s RMS", reference: c.reference,
                referenceSource: c.fromBaseline ? (baseline?.sourceName ?? "baseline") : "local noise floor")
        }
        evidence.append(
            Evidence(
                measurement: "overall velocity (\(context.severityCriteria.band))", value: measurement.features.velocityRMS,
                unit: "mm/s RMS", reference: context.severityCriteria.limits.bc,
                referenceSource: "zone B/C limit of \(context.severityCriteria.name)"))
        return Finding(
            fault: fault, asset: context.asset, location: context.location, component: "shaft line",
            severity: severity, confidence: min(0.95, confidence), evidence: evidence, action: action)
    }
}
